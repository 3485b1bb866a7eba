import ArgumentParser
import RiskProtocol

/// `riskctl mail status`: how many mails stand in each state, and the latest of them.
struct MailStatusCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Count the mails in each state and list the latest: failed ones with what the MTA said.",
        discussion: """
            States: queued (waiting for an attempt), sending (claimed by the deliverer), sent (accepted by the MTA), \
            failed (refused by the MTA, or deferred too often), uncertain (claimed and never reported: check the \
            MTA's log before queuing it again), dropped (not sent: what it said had stopped being true, the reason \
            says why), bounced (accepted by the MTA, then returned). \(MailInterface.Status.policy.needsSentence)
            """
    )

    /// Only mails in this state.
    @Option(
        help: ArgumentHelp("queued, sending, sent, failed, uncertain, dropped or bounced.", valueName: "state"),
        completion: ValueCompletions.mailState
    )
    var state: String?

    /// How many mails to list.
    @Option(help: ArgumentHelp("List at most this many mails, newest first (default: 20).", valueName: "n"))
    var limit: Int?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Refuses a limit the protocol does not take, before anything is sent.
    func validate() throws {
        if let limit, !(1...Connection.largestPage).contains(limit) {
            throw ValidationError("--limit must be 1 to \(Connection.largestPage)")
        }
    }

    /// The method called.
    typealias Method = MailInterface.Status

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(state: state, limit: limit)
    }

    /// Prints the counts, then the mails as a table.
    func present(_ status: Method.Reply) throws {
        if options.showsLegend {
            Output.line(MailPresenter.counts(status))
            if status.waitingNotices > 0 {
                Output.line(MailPresenter.waiting(status.waitingNotices))
            }
            Output.line()
        }
        let count = status.mails.count
        MailPresenter.table(status.mails).print(
            legend: "\(count) \(count == 1 ? "mail" : "mails") listed, newest first.",
            options: options
        )
    }
}
