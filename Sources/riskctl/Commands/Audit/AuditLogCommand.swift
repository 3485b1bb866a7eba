import ArgumentParser
import RiskProtocol

/// `riskctl audit log`: who changed what, and when, oldest first.
struct AuditLogCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit trail, oldest first: who changed what, and when."
    )

    /// Only entries about this record.
    @Option(help: ArgumentHelp("Only entries about this record, such as risk:4.", valueName: "subject"))
    var subject: String?

    /// At most this many entries.
    @Option(help: ArgumentHelp("Show at most n entries.", valueName: "n"))
    var limit: Int?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a limit below 1.
    func validate() throws {
        if let limit, limit < 1 {
            throw ValidationError("--limit must be 1 or more, not \(limit)")
        }
    }

    /// Reads the entries, page by page, and prints them as one table.
    func run() throws {
        let pages = try options.connect().collectPages(AuditInterface.Log.self, itemsKey: "entries", limit: limit) {
            after,
            size in
            AuditInterface.Log.Parameters(subject: subject, after: after, limit: size)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let entries = try pages.decoded().flatMap(\.entries)
        var table = Table([
            .init(title: "SEQ", alignment: .right), .init(title: "TIME"), .init(title: "ACTOR"),
            .init(title: "METHOD"), .init(title: "SUBJECT"), .init(title: "DETAIL"),
        ])
        for entry in entries {
            table.append([
                .init(String(entry.seq)), .init(entry.at), .init(entry.actor), .init(entry.method),
                .init(entry.subject ?? "-"), .init(entry.detail),
            ])
        }
        table.print(legend: "\(entries.count) \(entries.count == 1 ? "entry" : "entries") listed.", options: options)
    }
}
