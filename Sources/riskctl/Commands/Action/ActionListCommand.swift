import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl action list`: the open actions of every risk, soonest due first.
///
/// The protocol has no call that lists actions across risks yet, so riskctl pages through `risk.List` and reads
/// each risk with `risk.Get`: one call per risk. That is fine for a register of hundreds of risks; a daemon method
/// will replace it.
struct ActionListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the open actions of every risk, soonest due first.",
        discussion: """
            Overdue actions are those whose due day has passed (today in the local time zone). With --all, done and \
            cancelled actions are listed too, including those of closed risks. --json prints {"actions": [...]}, \
            each action as risk.Get returns it. riskctl reads every risk to find its actions (one call per risk); \
            needs a role that may read risks.
            """
    )

    /// Only this owner's actions.
    @Option(help: ArgumentHelp("Only actions this user carries out.", valueName: "user"))
    var owner: String?

    /// Only overdue actions.
    @Flag(help: "Only open actions whose due day has passed.")
    var overdue = false

    /// Only actions due before a day.
    @Option(
        name: .customLong("due-before"),
        help: ArgumentHelp(
            "Only actions due before this day.",
            valueName: "YYYY-MM-DD"
        ),
        transform: CalendarDay.parse
    )
    var dueBefore: String?

    /// Done and cancelled actions too.
    @Flag(help: "List done and cancelled actions too.")
    var all = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Checks that `--owner` is a user of this system, reads every risk's actions, keeps those asked for, and
    /// prints them as one table.
    func run() throws {
        if let owner {
            try KnownUser.check(owner, option: "--owner")
        }
        let connection = try options.connect()
        let statuses = all ? RiskInterface.RiskStatus.allCases.map(\.rawValue) : nil
        let pages = try connection.collectPages(RiskInterface.List.self, itemsKey: "risks") { after, size in
            RiskInterface.List.Parameters(status: statuses, limit: size, after: after)
        }
        let today = CalendarDay.today()
        var found: [(action: RiskInterface.Action, raw: JSONValue)] = []
        for risk in try pages.decoded().flatMap(\.risks) {
            let answer = try connection.call(RiskInterface.Get.self, .init(id: risk.id))
            let actions = try answer.decoded().actions
            guard case .array(let raw) = answer.parameters["actions"] ?? .null else { continue }
            for (index, action) in actions.enumerated() where keeps(action, today: today) {
                found.append((action, index < raw.count ? raw[index] : .null))
            }
        }
        found.sort { ($0.action.dueOn, $0.action.id) < ($1.action.dueOn, $1.action.id) }
        if options.json {
            return try Output.json(.object(["actions": .array(found.map { $0.raw })]))
        }
        var table = Table([
            .init(title: "ACTION"), .init(title: "RISK"), .init(title: "DUE"), .init(title: "OWNER"),
            .init(title: "STATUS"), .init(title: "DESCRIPTION"),
        ])
        var late = 0
        for (action, _) in found {
            let isLate = action.status == .open && action.dueOn < today
            late += isLate ? 1 : 0
            table.append([
                .init(RecordKind.action.format(action.id)), .init(RecordKind.risk.format(action.riskId)),
                .init(action.dueOn, style: isLate ? .high : nil), .init(action.owner),
                .init(isLate ? "overdue" : action.status.rawValue), .init(action.description),
            ])
        }
        let noun = found.count == 1 ? "action" : "actions"
        table.print(legend: "\(found.count) \(noun) listed, \(late) overdue.", options: options)
    }

    /// Whether `action` is one the options ask for.
    private func keeps(_ action: RiskInterface.Action, today: String) -> Bool {
        if !all, action.status != .open { return false }
        if let owner, action.owner != owner { return false }
        if overdue, !(action.status == .open && action.dueOn < today) { return false }
        if let dueBefore, action.dueOn >= dueBefore { return false }
        return true
    }
}
