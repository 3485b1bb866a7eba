import ArgumentParser
import RiskProtocol

/// `riskctl concern list`: the concerns the caller may read.
struct ConcernListCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the concerns you may read: those you raised, or all for an administrator or auditor."
    )

    /// Only concerns with this status.
    @Option(help: ArgumentHelp("open, upheld, not-upheld or withdrawn.", valueName: "status"))
    var status: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = ConcernInterface.List

    /// The reply field holding a page's concerns.
    static let itemsKey = "concerns"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [ConcernInterface.Concern]> { \.concerns }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(status: status?.replacing("-", with: "_"), limit: size, after: after)
    }

    /// Prints the concerns of every page as one table.
    func present(_ concerns: [ConcernInterface.Concern]) {
        var table = Table([
            .init(title: "ID"), .init(title: "KIND"), .init(title: "STATUS"), .init(title: "RAISED"),
            .init(title: "BY"), .init(title: "ABOUT"),
        ])
        for concern in concerns {
            table.append([
                .init(RecordKind.concern.format(concern.id)),
                .init(concern.kind.rawValue.replacing("_", with: "-")),
                .init(concern.status.rawValue.replacing("_", with: "-")),
                .init(CalendarDay.datePart(of: concern.raisedAt)), .init(concern.raisedBy), .init(concern.about ?? "-"),
            ])
        }
        table.print(
            legend: "\(concerns.count) \(concerns.count == 1 ? "concern" : "concerns") listed.",
            options: options
        )
    }
}
