import ArgumentParser
import RiskProtocol

/// `riskctl review runs`: the latest review runs, newest first.
struct ReviewRunsCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the latest review runs, newest first, with what each changed.",
        discussion: """
            TRIGGER is schedule for the daily run, startup for the catch-up run when riskd starts and manual for \
            review run. ALERTED counts the journal entries the run wrote for raised, reminded and resolved \
            findings. \(ReviewInterface.Runs.policy.needsSentence)
            """
    )

    /// At most this many runs.
    @Option(help: ArgumentHelp("Show at most n runs, 1 to 1000 (default 100).", valueName: "n"))
    var limit: Int?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a limit the protocol does not allow.
    func validate() throws {
        if let limit, !(1...Connection.largestPage).contains(limit) {
            throw ValidationError("--limit must be from 1 to \(Connection.largestPage), not \(limit)")
        }
    }

    /// The method called.
    typealias Method = ReviewInterface.Runs

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(limit: limit)
    }

    /// Prints the runs as a table.
    func present(_ reply: Method.Reply) throws {
        let runs = reply.runs
        let legend = "\(runs.count) \(runs.count == 1 ? "run" : "runs") listed."
        ReviewPresenter.runsTable(runs).print(legend: legend, options: options)
    }
}
