import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl review run`: run the review now and show what is open after it.
///
/// The run is asked for its counts only (`findings: false`): a large register can hold a hundred thousand open
/// findings, which riskd would otherwise encode into one reply. The open findings shown after it come from
/// `review.Findings`, at most `shown` of them; `riskctl review findings` lists them all.
struct ReviewRunCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the review now, as the daily run would, and show the open findings.",
        discussion: """
            Raises, reminds of and resolves findings and writes them to the journal exactly as the scheduled run \
            does, then shows the first \(shown) findings open after it; riskctl review findings lists them all. \
            With --json, prints riskd's reply to the run, which holds the run's counts and no findings. \
            \(ReviewInterface.Run.policy.needsSentence)
            """
    )

    /// The method that lists the open findings after the run.
    private typealias Findings = ReviewInterface.Findings

    /// The most open findings printed after the run.
    static let shown = 50

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Runs the review, then lists the first open findings.
    func run() throws {
        let connection = try options.connect()
        try options.show(connection.call(ReviewInterface.Run.self, .init(findings: false))) { reply in
            try present(reply.run, connection: connection)
        }
    }

    /// Prints the run's summary, then the first open findings, asked for after the run.
    private func present(_ run: ReviewInterface.ReviewRun, connection: Connection) throws {
        Output.line(ReviewPresenter.summary(of: run))
        Output.line()
        var findings = [ReviewInterface.Finding]()
        if run.open > 0 {
            let pages = try connection.collectPages(Findings.self, itemsKey: "findings", limit: Self.shown) {
                after,
                size in
                Findings.Parameters(open: true, rule: nil, subject: nil, limit: size, after: after)
            }
            findings = try pages.decoded().flatMap(\.findings)
        }
        ReviewPresenter.findingsTable(findings)
            .print(legend: ReviewPresenter.legend(shown: findings.count, open: run.open), options: options)
    }
}
