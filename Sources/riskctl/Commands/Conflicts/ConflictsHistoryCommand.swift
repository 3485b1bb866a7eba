import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl conflicts history`: the checks made, for the minutes and the auditor.
struct ConflictsHistoryCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the conflict checks made, oldest first.",
        discussion: """
            The admin and auditor roles see every check; a board member sees the checks they ran and, unless \
            interests.board_sees_register is off, the others', without matches on other members' sensitive \
            declarations as they stand now, and with matches on declarations the register hides withheld.
            """
    )

    /// Only checks from this day on.
    @Option(
        help: ArgumentHelp("Only checks made on this day or later.", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var since: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads every page and prints the checks from `--since` on.
    func run() throws {
        let pages = try options.connect().collectPages(InterestInterface.Checks.self, itemsKey: "checks") {
            after,
            size in
            InterestInterface.Checks.Parameters(limit: size, after: after)
        }
        let checks = try pages.decoded().flatMap(\.checks).filter { check in
            since.map { CalendarDay.datePart(of: check.at) >= $0 } ?? true
        }
        if options.json {
            if since == nil { return try Output.json(pages.merged) }
            let kept = Set(checks.map(\.id))
            let items = pages.answers.flatMap { answer -> [JSONValue] in
                guard case .array(let page) = answer.parameters["checks"] ?? .null else { return [] }
                return page.filter { $0["id"]?.intValue.map(kept.contains) ?? false }
            }
            return try Output.json(.object(["checks": .array(items), "next": .null]))
        }
        var table = Table([
            .init(title: "CHECK"), .init(title: "DATE"), .init(title: "BY"), .init(title: "MATTER", grows: true),
            .init(title: "CONFLICTS"),
        ])
        for check in checks {
            let found =
                check.conflicts.isEmpty
                ? "none"
                : check.conflicts.map { conflict in
                    let match = conflict.reason.map { "possible: \($0)" } ?? conflict.match.rawValue
                    return "\(conflict.declarant) \(ConflictsPresenter.interest(of: conflict)) (\(match))"
                }.joined(separator: ", ")
            table.append([
                .init(RecordKind.check.format(check.id)), .init(CalendarDay.datePart(of: check.at)),
                .init(check.by), .init(check.matter), .init(found),
            ])
        }
        table.print(legend: "\(checks.count) \(checks.count == 1 ? "check" : "checks") listed.", options: options)
    }
}
