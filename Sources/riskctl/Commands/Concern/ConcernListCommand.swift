import ArgumentParser
import RiskProtocol

/// `riskctl concern list`: the concerns the caller may read.
struct ConcernListCommand: ParsableCommand {
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

    /// Fetches the concerns and prints a table.
    func run() throws {
        let status = status?.replacing("-", with: "_")
        let pages = try options.connect().collectPages(ConcernInterface.List.self, itemsKey: "concerns") {
            after,
            size in
            ConcernInterface.List.Parameters(status: status, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let concerns = try pages.decoded().flatMap(\.concerns)
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
