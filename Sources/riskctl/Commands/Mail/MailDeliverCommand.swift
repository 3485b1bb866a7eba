import ArgumentParser
import RiskProtocol

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl mail deliver`: the options and the last line of the deliverer, which is `Deliverer` (MailDelivery/).
///
/// riskd-mail.service runs it as the user holding the mailer role.
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

    /// Runs the deliverer (`Deliverer`), then prints the tally (with `--json`, each report's reply on a line of
    /// its own instead). Exits 75 after one line when riskd did not take the report of a mail.
    func run() throws {
        // A sendmail that exits before reading the whole message, or a riskd that went away, closes a pipe or
        // socket riskctl writes to: that is an outcome to report, never a reason to die.
        signal(SIGPIPE, SIG_IGN)
        let deliverer = Deliverer(
            mta: Sendmail(program: sendmail, timeoutSeconds: timeout),
            mailbox: mailbox,
            printsReplies: options.json,
            connect: options.connect
        )
        let tally: DeliveryTally
        do {
            tally = try deliverer.deliver()
        } catch let abandoned as Deliverer.ReportNotTaken {
            Output.error(abandoned.description)
            throw ExitCode(ExitStatus.temporaryFailure.rawValue)
        }
        guard !options.json, !(quiet && tally.isEmpty) else { return }
        Output.line(tally.summary)
    }
}
