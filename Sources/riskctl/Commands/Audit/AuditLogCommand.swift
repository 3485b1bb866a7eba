import ArgumentParser
import RiskProtocol

/// `riskctl audit log`: who changed what, and when, newest first.
struct AuditLogCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit trail, newest first: who changed what, and when.",
        discussion: """
            DETAIL shows what the entry records as key=value pairs. --oldest-first shows the trail in the order it \
            was written. --json prints the entries as riskd sends them, oldest first (with --limit, the oldest n), \
            with the protocol's field names and the detail as its JSON text.
            """
    )

    /// Only entries about this record.
    @Option(help: ArgumentHelp("Only entries about this record, such as risk:4.", valueName: "subject"))
    var subject: String?

    /// At most this many entries.
    @Option(
        help: ArgumentHelp(
            "Show at most n entries: the newest n, or the oldest with --oldest-first.",
            valueName: "n"
        )
    )
    var limit: Int?

    /// Oldest entries first, as they were written.
    @Flag(name: .customLong("oldest-first"), help: "Show the oldest entries first.")
    var oldestFirst = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a limit below 1.
    func validate() throws {
        if let limit, limit < 1 {
            throw ValidationError("--limit must be 1 or more, not \(limit)")
        }
    }

    /// Reads the entries, page by page, and prints them as one table.
    ///
    /// riskd pages the trail oldest first; newest first (the default) therefore reads the whole trail of the
    /// subject and keeps its last `limit` entries.
    func run() throws {
        let readsAll = !options.json && !oldestFirst
        let pages = try options.connect().collectPages(
            AuditInterface.Log.self,
            itemsKey: "entries",
            limit: readsAll ? nil : limit
        ) { after, size in
            AuditInterface.Log.Parameters(subject: subject, after: after, limit: size)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        var entries = try pages.decoded().flatMap(\.entries)
        if !oldestFirst {
            entries = Array(entries.reversed().prefix(limit ?? entries.count))
        }
        var table = Table([
            .init(title: "SEQ", alignment: .right), .init(title: "TIME"), .init(title: "ACTOR"),
            .init(title: "METHOD"), .init(title: "SUBJECT"), .init(title: "DETAIL"),
        ])
        for entry in entries {
            table.append([
                .init(String(entry.seq)), .init(entry.at), .init(entry.actor), .init(entry.method),
                .init(entry.subject ?? "-"), .init(AuditDetailText.readable(entry.detail)),
            ])
        }
        let order = oldestFirst ? "oldest first" : "newest first"
        let count = "\(entries.count) \(entries.count == 1 ? "entry" : "entries")"
        table.print(legend: "\(count) listed, \(order).", options: options)
    }
}
