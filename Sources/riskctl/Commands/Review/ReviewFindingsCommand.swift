import ArgumentParser
import RiskProtocol

/// `riskctl review findings`: the stored findings, open ones unless asked otherwise.
struct ReviewFindingsCommand: ListCommand {
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

    /// The method called.
    typealias Method = ReviewInterface.Findings

    /// The reply field holding a page's findings.
    static let itemsKey = "findings"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [ReviewInterface.Finding]> { \.findings }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        // `open` is left out for --all: the protocol lists both states when it is absent.
        let open: Bool? =
            switch listing {
            case .open: true
            case .resolved: false
            case .all: nil
            }
        return Method.Parameters(open: open, rule: rule, subject: subject, limit: size, after: after)
    }

    /// Prints the findings of every page as one table.
    func present(_ findings: [ReviewInterface.Finding]) {
        ReviewPresenter.findingsTable(findings, showsResolution: listing != .open)
            .print(legend: ReviewPresenter.legend(for: findings, listing: listing), options: options)
    }
}
