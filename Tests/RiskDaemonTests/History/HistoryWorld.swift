import Foundation
import Logging
import RiskCore
import RiskProtocol
import RiskStore
import Varlink

@testable import RiskDaemon

/// A register served in-process over a database file, whose board can change: the accounts are named by their uid
/// (so that the board the access list names and the callers agree without NSS), and a change of the board reloads
/// the access lists, as a change of group membership shows at the next call.
final class HistoryWorld: @unchecked Sendable {
    static let admin: UInt32 = 9100
    static let auditor: UInt32 = 9106
    /// The board at the start; 9105 joins later, if the changes say so.
    static let firstBoard: [UInt32] = [9101, 9102, 9103, 9104]
    static let everyMember: [UInt32] = [9101, 9102, 9103, 9104, 9105]
    static let seeded = Instant(rfc3339: "2027-01-04T09:00:00Z")!

    let daemon: Daemon
    let directory: URL
    let clock = PrivacyClock()
    private let lock = NSLock()
    private var configuration: Configuration
    private var boardNow: [UInt32] = HistoryWorld.firstBoard

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration(
            paths: DefaultPaths(
                socket: "/nonexistent/riskd-history.sock",
                database: directory.appendingPathComponent("riskd.sqlite").path
            )
        )
        configuration.access.admins = [.userID(Self.admin)]
        configuration.access.auditors = [.userID(Self.auditor)]
        configuration.access.board = Self.firstBoard.map { .userID($0) }
        configuration.access.rootIsAdmin = false
        configuration.backup.directory = directory.appendingPathComponent("backups").path
        self.configuration = configuration
        var logger = Logger(label: "riskd-history")
        logger.logLevel = .critical
        let roles = RoleResolver(
            access: configuration.access,
            daemonUID: 9099,
            lookup: { uid in
                guard (9100...9106).contains(uid) else { return (nil, []) }
                return (.init(name: "\(uid)", uid: uid, primaryGroup: uid, home: "/nonexistent"), [uid])
            },
            groupID: { _ in nil }
        )
        clock.set(Self.seeded)
        daemon = Daemon(
            configuration: configuration,
            database: try RiskDatabase(path: configuration.database),
            roles: roles,
            clock: clock.clock,
            logger: logger
        )
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The board now.
    var board: [UInt32] { lock.withLock { boardNow } }

    /// The administrators and auditors now.
    var roleHolders: (admins: [UInt32], auditors: [UInt32]) {
        lock.withLock {
            (
                configuration.access.admins.compactMap(Self.uid), configuration.access.auditors.compactMap(Self.uid)
            )
        }
    }

    /// Gives the admin role to exactly `admins` and the auditor role to exactly `auditors` from the next call on.
    func setRoles(admins: [UInt32], auditors: [UInt32]) {
        let access = lock.withLock {
            configuration.access.admins = admins.map { .userID($0) }
            configuration.access.auditors = auditors.map { .userID($0) }
            return configuration
        }
        daemon.roles.reload(access.access)
        daemon.context.reload(access)
    }

    private static func uid(_ identity: Identity) -> UInt32? {
        if case .userID(let uid) = identity { return uid }
        return nil
    }

    /// Gives the board role to exactly `members` from the next call on.
    func setBoard(_ members: [UInt32]) {
        let access = lock.withLock {
            boardNow = members
            configuration.access.board = members.map { .userID($0) }
            return configuration
        }
        daemon.roles.reload(access.access)
        daemon.context.reload(access)
    }

    /// Changes the configuration as a SIGHUP applies an edited riskd.toml (`Daemon.apply`).
    func reconfigure(_ change: (inout Configuration) -> Void) async {
        let changed = lock.withLock {
            change(&configuration)
            return configuration
        }
        await daemon.apply(changed)
    }

    /// The reply of `method` called by `uid`, as JSON text: `{"error":NAME,"parameters":…}` for an error.
    func call(_ method: String, _ parameters: String = "{}", as uid: UInt32 = HistoryWorld.admin) async -> String {
        await daemon.replyText(method, parameters, uid: uid)
    }

    /// `call`, which must succeed.
    @discardableResult
    func must(_ method: String, _ parameters: String = "{}", as uid: UInt32 = HistoryWorld.admin) async throws -> String
    {
        let reply = await call(method, parameters, as: uid)
        guard !reply.hasPrefix(#"{"error""#) else { throw SeedFailure(step: "\(method) \(parameters)", reply: reply) }
        return reply
    }

    /// Moves the clock on by `seconds`.
    func advance(_ seconds: Int64) {
        clock.set(Instant(secondsSinceEpoch: now.secondsSinceEpoch + seconds))
    }

    /// The time now.
    var now: Instant { clock.clock.now() }

    /// The bytes of the database's files (the database and its WAL), for a search for erased text.
    func databaseBytes() throws -> Data {
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("riskd") {
            bytes.append(try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        return bytes
    }

    /// A register with something of every kind: a code, a registry with aliases, risks with actions owned by board
    /// members, declarations (one sensitive, one a typo of a registry name), a name set, a published meeting with
    /// recusals and a draft one, a confirmation and a review run.
    func seed() async throws {
        try await must("org.riskd.member.List")
        try await must("org.riskd.ethics.Publish", #"{"title":"Code","body":"Declare what you hold."}"#)
        try await must(
            "org.riskd.organisation.Add",
            #"{"name":"Western Balkan Fund","aliases":["WBF"],"kind":"funder"}"#
        )
        try await must("org.riskd.organisation.Add", #"{"name":"Eurodesk","kind":"network"}"#)
        for title in ["Funding overlap", "Data loss"] {
            try await must(
                "org.riskd.risk.Add",
                #"{"title":"\#(title)","category":"governance","likelihood":4,"impact":4}"#
            )
        }
        for (risk, owner, text) in [(1, 9101, "Ask the funder"), (1, 9102, "Split the budget"), (2, 9103, "Backups")] {
            try await must(
                "org.riskd.risk.AddAction",
                #"{"riskId":\#(risk),"description":"\#(text)","owner":"\#(owner)","dueOn":"2027-02-15"}"#
            )
        }
        let declarations: [(UInt32, String)] = [
            (9101, #""kind":"gift","organisation":"Eurodesk","description":"A dinner 4711""#),
            (9102, #""kind":"employment","organisation":"WBF","description":"Peer worker 5822","sensitive":true"#),
            (9103, #""kind":"governance","organisation":"Western Balkn Fund","description":"Member 6933""#),
        ]
        for (member, fields) in declarations {
            try await must("org.riskd.interest.Declare", "{\(fields),\"startedOn\":\"2026-12-01\"}", as: member)
        }
        try await must("org.riskd.member.SetName", #"{"user":"9101","name":"Ana Petrović"}"#)
        try await must("org.riskd.meeting.Create", #"{"title":"Board meeting","date":"2027-01-20"}"#)
        try await must(
            "org.riskd.meeting.AddItem",
            #"{"meetingId":1,"title":"Grant round","organisations":["Western Balkan Fund","Eurodesk"]}"#
        )
        try await must("org.riskd.meeting.Publish", #"{"id":1}"#)
        try await must("org.riskd.meeting.Create", #"{"title":"Draft meeting","date":"2027-03-01"}"#)
        try await must("org.riskd.interest.Confirm", "{}", as: 9101)
        try await must("org.riskd.review.Run")
    }
}
