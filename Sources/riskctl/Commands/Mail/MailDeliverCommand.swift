import ArgumentParser
import RiskProtocol
import Varlink

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl mail deliver`: the deliverer. Claims the mails that are due one at a time, hands each to sendmail and
/// reports what it answered, until none is due; then reports the bounces waiting in its mailbox (`BounceMailbox`).
///
/// riskd-mail.service runs it as the user holding the mailer role. One mail is claimed at a time and reported
/// before the next is claimed, so at most one mail is in doubt when the deliverer stops.
struct MailDeliverCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Hand the mails that are due to the local MTA through sendmail, one at a time, then stop.",
        discussion: """
            Each mail is submitted as `sendmail -i -f SENDER -- RECIPIENT`, the message on standard input. Exit 0 is \
            sent; exit 75, a sendmail that cannot be started, a timeout or a signal is deferred (riskd tries again \
            later); any other exit is rejected and the mail failed, with what sendmail wrote as the reason. \
            \(MailInterface.Claim.policy.needsSentence) riskd-mail.timer runs it. Exits 75 when riskd went away and \
            did not come back within 30 seconds to take a report. Then it reads the bounces that came back to SENDER \
            (mail.from) in the mailbox \
            of the account it runs as ($MAIL, else /var/mail/USER, or --mailbox), reports each to riskd (the mail \
            becomes bounced) and removes it from the mailbox; other messages stay.
            """
    )

    /// How long riskctl keeps trying to report an outcome after riskd went away.
    static let reportRetrySeconds = 30

    /// The sendmail program.
    @Option(help: ArgumentHelp("The sendmail program.", valueName: "path"))
    var sendmail = "/usr/sbin/sendmail"

    /// How long one submission may take.
    @Option(help: ArgumentHelp("Kill sendmail after this many seconds.", valueName: "seconds"))
    var timeout = 60

    /// The mailbox bounces come back to.
    @Option(
        help: ArgumentHelp("The mbox bounces come back to (default: $MAIL, else /var/mail/USER).", valueName: "path")
    )
    var mailbox: String?

    /// Whether a pass that found nothing due says so.
    @Flag(help: "Print nothing when no mail is due (riskd-mail.service runs every minute).")
    var quiet = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Refuses a timeout riskctl cannot keep.
    func validate() throws {
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 3600 seconds") }
        guard sendmail.hasPrefix("/") else { throw ValidationError("--sendmail must be an absolute path") }
        guard mailbox?.hasPrefix("/") ?? true else { throw ValidationError("--mailbox must be an absolute path") }
    }

    /// Claims, submits and reports until no mail is due, then prints the tally (with `--json`, each report's
    /// reply on a line of its own instead).
    func run() throws {
        // A sendmail that exits before reading the whole message, or a riskd that went away, closes a pipe or
        // socket riskctl writes to: that is an outcome to report, never a reason to die.
        signal(SIGPIPE, SIG_IGN)
        let mta = Sendmail(program: sendmail, timeoutSeconds: timeout)
        var connection = try options.connect()
        var tally = DeliveryTally()
        while let mail = try connection.call(MailInterface.Claim.self, NoParameters()).decoded().mail {
            let submitted = mta.submit(mail.message, from: mail.sender, to: mail.recipient)
            let outcome = SubmissionOutcome(submitted.end, diagnostics: submitted.diagnostics)
            let parameters = MailInterface.Report.Parameters(
                id: mail.id,
                outcome: outcome.verdict.rawValue,
                reason: outcome.reason
            )
            let reported: Answer<MailInterface.Report.Reply>
            (connection, reported) = try report(parameters, on: connection, after: tally)
            tally.count(outcome.verdict)
            if options.json { try Output.jsonLine(reported.parameters) }
        }
        tally.bounces = try reportBounces(on: connection)
        guard !options.json, !(quiet && tally.isEmpty) else { return }
        Output.line(tally.summary)
    }

    /// Reports an outcome; when riskd went away, connects again and retries for `reportRetrySeconds`.
    ///
    /// Returns the connection that took the report and riskd's answer. A riskd that refuses the report on the
    /// first try is an error as any other command's. One that does not come back in time, or comes back and refuses
    /// the report, ends riskctl with exit status 75, after one line saying which mail's outcome riskd did not take:
    /// riskd marks that mail uncertain ten minutes after its claim, and an administrator checks the MTA's log.
    private func report(
        _ parameters: MailInterface.Report.Parameters,
        on connection: Connection,
        after tally: DeliveryTally
    ) throws -> (Connection, Answer<MailInterface.Report.Reply>) {
        let deadline = ContinuousClock.now + .seconds(Self.reportRetrySeconds)
        var link: Connection? = connection
        var lost: RiskctlError?
        while true {
            do throws(RiskctlError) {
                // Not `??`: its autoclosure would widen the thrown error to `any Error`.
                let current: Connection
                if let link { current = link } else { current = try options.connect() }
                link = current
                return (current, try current.call(MailInterface.Report.self, parameters))
            } catch {
                guard error.isDisconnection || lost != nil else { throw error }
                guard error.isDisconnection, ContinuousClock.now < deadline else {
                    Output.error(gaveUp(parameters, because: error, tally))
                    throw ExitCode(ExitStatus.temporaryFailure.rawValue)
                }
                lost = error
                link = nil
                usleep(500_000)
            }
        }
    }

    /// The line riskctl ends with when riskd did not take the report of a mail.
    private func gaveUp(
        _ parameters: MailInterface.Report.Parameters,
        because error: RiskctlError,
        _ tally: DeliveryTally
    ) -> String {
        let earlier = tally.isEmpty ? "" : "; before it: \(tally.summary)"
        return "mail \(parameters.id) was \(parameters.outcome) but riskd did not take the report within "
            + "\(Self.reportRetrySeconds) s (\(error)); riskd will mark it uncertain\(earlier)"
    }
}

/// How many mails ended each way in one run of `mail deliver`.
struct DeliveryTally {
    private var counts: [SubmissionOutcome.Verdict: Int] = [:]

    /// Counts one more mail that ended so.
    mutating func count(_ verdict: SubmissionOutcome.Verdict) {
        counts[verdict, default: 0] += 1
    }

    /// Bounces reported to riskd.
    var bounces = 0

    /// Whether no mail was counted, and no bounce.
    var isEmpty: Bool { counts.isEmpty && bounces == 0 }

    /// `3 sent, 1 deferred, 0 rejected`, or `No mail is due.` when none was claimed; then `; 1 bounce reported` when
    /// bounces were.
    var summary: String {
        let bounced = bounces == 0 ? "" : "; \(bounces) bounce\(bounces == 1 ? "" : "s") reported"
        guard !counts.isEmpty else { return "No mail is due\(bounced)." }
        return SubmissionOutcome.Verdict.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }
            .joined(separator: ", ") + bounced
    }
}

extension RiskctlError {
    /// Whether the call failed because riskd is gone (not listening, the connection closed or reset) rather than
    /// because riskd refused it: the failures worth connecting again for.
    var isDisconnection: Bool {
        switch kind {
        case .unreachable: true
        case .protocolViolation(let reason):
            reason.hasPrefix("riskd closed") || reason.hasPrefix("write failed") || reason.hasPrefix("read failed")
        default: false
        }
    }
}
