import ArgumentParser
import RiskProtocol

/// `riskctl audit log`: who changed what, and when, newest first.
struct AuditLogCommand: ListCommand {
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

    /// The method called.
    typealias Method = AuditInterface.Log

    /// The reply field holding a page's entries.
    static let itemsKey = "entries"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [AuditInterface.Entry]> { \.entries }

    /// The oldest `--limit` entries with `--json` or `--oldest-first`; else every entry, for the newest to be shown.
    var itemLimit: Int? { options.json || oldestFirst ? limit : nil }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(subject: subject, after: after, limit: size)
    }

    /// Prints the entries as a table, newest first unless `--oldest-first`.
    func present(_ entries: [AuditInterface.Entry]) {
        var entries = entries
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
