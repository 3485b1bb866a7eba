import ArgumentParser
import RiskProtocol

/// `riskctl review findings`: the stored findings, open ones unless asked otherwise.
struct ReviewFindingsCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the findings of the review: the open ones, or with --all the resolved ones too.",
        discussion: """
            SINCE is the day a run first raised the finding; ACK names the admin who acknowledged it. An \
            acknowledged finding stays open until its condition clears. \(ReviewInterface.Findings.policy.needsSentence)
            """
    )

    /// Resolved findings too.
    @Flag(help: "List resolved findings too.")
    var all = false

    /// Only resolved findings.
    @Flag(help: "List only resolved findings.")
    var resolved = false

    /// Only this rule's findings.
    @Option(help: ArgumentHelp("Only findings of this rule, such as risk-review-overdue.", valueName: "rule"))
    var rule: String?

    /// Only findings about this subject.
    @Option(help: ArgumentHelp("Only findings about this subject, such as risk:4 or member:ana.", valueName: "subject"))
    var subject: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects --all with --resolved, which ask for different lists.
    func validate() throws {
        if all && resolved {
            throw ValidationError("--all and --resolved cannot be combined; --all lists resolved findings too")
        }
    }

    /// Which findings the flags ask for.
    private var listing: ReviewPresenter.FindingStates {
        all ? .all : (resolved ? .resolved : .open)
    }

    /// Lists every page of findings and prints them as one table.
    func run() throws {
        // `open` is left out for --all: the protocol lists both states when it is absent.
        let open: Bool? =
            switch listing {
            case .open: true
            case .resolved: false
            case .all: nil
            }
        let pages = try options.connect().collectPages(ReviewInterface.Findings.self, itemsKey: "findings") {
            after,
            size in
            ReviewInterface.Findings.Parameters(open: open, rule: rule, subject: subject, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let findings = try pages.decoded().flatMap(\.findings)
        ReviewPresenter.findingsTable(findings, showsResolution: listing != .open)
            .print(legend: ReviewPresenter.legend(for: findings, listing: listing), options: options)
    }
}
