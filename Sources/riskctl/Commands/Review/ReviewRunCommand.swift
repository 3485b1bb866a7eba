import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl review run`: run the review now and show what is open after it.
struct ReviewRunCommand: ParsableCommand {
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

    /// Asks riskd for a run and prints its summary, then the findings open after it.
    func run() throws {
        let answer = try options.connect().call(ReviewInterface.Run.self, .init(findings: nil))
        if options.json {
            return try Output.json(answer.parameters)
        }
        let reply = try answer.decoded()
        Output.line(ReviewPresenter.summary(of: reply.run))
        Output.line()
        ReviewPresenter.findingsTable(reply.findings)
            .print(legend: ReviewPresenter.legend(for: reply.findings, listing: .open), options: options)
    }
}
