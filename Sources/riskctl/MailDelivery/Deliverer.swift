import RiskProtocol
import Varlink

#if canImport(Glibc)
import Glibc
#endif

/// The deliverer behind `riskctl mail deliver`: claims the mails that are due one at a time, hands each to sendmail
/// and reports what it answered, until none is due; then reports the bounces waiting in its mailbox (`BounceMailbox`).
///
/// One mail is claimed at a time and reported before the next is claimed, so at most one mail is in doubt when the
/// deliverer stops. The command (`MailDeliverCommand`) owns the options and what is printed at the end.
struct Deliverer {
    /// How long the deliverer keeps trying to report an outcome after riskd went away.
    static let reportRetrySeconds = 30

    /// The sendmail mails are handed to.
    let mta: Sendmail
    /// The mailbox given with `--mailbox`; `nil` means `$MAIL`, else /var/mail/USER.
    let mailbox: String?
    /// Whether each reply of riskd to a report or a bounce is printed as a line of JSON (`--json`).
    let printsReplies: Bool
    /// Connects to riskd: at the start, and again when riskd went away while an outcome waits to be reported.
    let connect: () throws(RiskctlError) -> Connection

    /// The report of a mail's outcome riskd did not take: riskd marks that mail uncertain ten minutes after its
    /// claim, and an administrator checks the MTA's log. Its description is the line riskctl ends with.
    struct ReportNotTaken: Error, CustomStringConvertible {
        /// `mail 7 was sent but riskd did not take the report within 30 s (…); riskd will mark it uncertain`.
        let description: String
    }

    /// Claims, submits and reports until no mail is due, then reports the bounces; returns how many ended each way.
    ///
    /// - Throws: `ReportNotTaken` when riskd went away and did not come back in time to take a report, or came back
    ///   and refused it; a `RiskctlError` as any command's otherwise.
    func deliver() throws -> DeliveryTally {
        var connection = try connect()
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
            if printsReplies { try Output.jsonLine(reported.parameters) }
        }
        tally.bounces = try reportBounces(on: connection)
        return tally
    }

    /// Reports an outcome; when riskd went away, connects again and retries for `reportRetrySeconds`.
    ///
    /// Returns the connection that took the report and riskd's answer. A riskd that refuses the report on the
    /// first try is an error as any other command's. One that does not come back in time, or comes back and refuses
    /// the report, is `ReportNotTaken`, saying which mail's outcome riskd did not take.
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
                if let link { current = link } else { current = try connect() }
                link = current
                return (current, try current.call(MailInterface.Report.self, parameters))
            } catch {
                guard error.isDisconnection || lost != nil else { throw error }
                guard error.isDisconnection, ContinuousClock.now < deadline else {
                    throw ReportNotTaken(description: gaveUp(parameters, because: error, tally))
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
