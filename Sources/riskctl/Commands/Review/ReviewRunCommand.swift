import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl review run`: run the review now and show what is open after it.
struct ReviewRunCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the review now, as the daily run would, and show the open findings.",
        discussion: """
            Raises, reminds of and resolves findings and writes them to the journal exactly as the scheduled run \
            does. \(ReviewInterface.Run.policy.needsSentence)
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = ReviewInterface.Run

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(findings: nil)
    }

    /// Prints the run's summary, then the findings open after it.
    func present(_ reply: Method.Reply) throws {
        Output.line(ReviewPresenter.summary(of: reply.run))
        Output.line()
        ReviewPresenter.findingsTable(reply.findings)
            .print(legend: ReviewPresenter.legend(for: reply.findings, listing: .open), options: options)
    }
}
