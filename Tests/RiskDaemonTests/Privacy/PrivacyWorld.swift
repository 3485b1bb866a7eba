import Foundation
import Logging
import RiskCore
import RiskProtocol
import RiskStore
import Varlink

@testable import RiskDaemon

/// The users of the privacy property test: one caller per role, a seeding administrator, the member whose
/// declaration is sensitive, and the board member who raises concerns.
enum PrivacyUser: UInt32, CaseIterable, Sendable {
    case seeder = 8000
    case admin = 8001
    case auditor = 8002
    case board = 8003
    case mailer = 8004
    /// An administrator who is also a board member (and, in the world with the secrets, a concern's subject).
    case chair = 8005
    case other = 8006
    case raiser = 8007

    var name: String { "pt-\(self)" }

    /// The roles under test, each a caller of every method.
    static let callers: [PrivacyUser] = [.admin, .auditor, .board, .mailer, .chair]

    /// Administrators and auditors keep the register: another member's sensitive declaration is theirs to read,
    /// so for them only the concern about them is a secret.
    var keepsRegister: Bool { [.admin, .auditor, .chair].contains(self) }
    var isBoardMember: Bool { [.board, .chair, .other, .raiser].contains(self) }
}

/// A mutable clock: the register is built at `seeded`, then read 59 days later (a concern open 31 days and more).
final class PrivacyClock: @unchecked Sendable {
    static let seeded = Instant(rfc3339: "2026-10-01T09:00:00Z")!
    static let reading = Instant(rfc3339: "2026-11-29T06:00:00Z")!
    private let lock = NSLock()
    private var current = seeded

    func set(_ instant: Instant) { lock.withLock { current = instant } }
    var clock: Clock {
        Clock(now: { [self] in lock.withLock { current } }, localDate: { $0.utcDate })
    }
}

/// One register served in-process over an in-memory database, with roles from a table instead of NSS.
struct PrivacyWorld: Sendable {
    let daemon: Daemon
    let clock: PrivacyClock

    init(boardSeesRegister: Bool = true) throws {
        var configuration = Configuration(
            paths: DefaultPaths(socket: "/nonexistent/riskd-privacy.sock", database: ":memory:")
        )
        func ids(_ users: [PrivacyUser]) -> [Identity] { users.map { .userID($0.rawValue) } }
        configuration.access.admins = ids([.seeder, .admin, .chair])
        configuration.access.board = ids([.board, .chair, .other, .raiser])
        configuration.access.auditors = ids([.auditor])
        configuration.access.mailers = ids([.mailer])
        configuration.access.rootIsAdmin = false
        configuration.interests.boardSeesRegister = boardSeesRegister
        configuration.backup.directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("riskd-privacy-\(UUID().uuidString)").path
        configuration.backup.keep = 1
        var logger = Logger(label: "riskd-privacy")
        logger.logLevel = .critical
        let roles = RoleResolver(
            access: configuration.access,
            daemonUID: 7999,
            lookup: { uid in
                guard let user = PrivacyUser(rawValue: uid) else { return (nil, []) }
                return (.init(name: user.name, uid: uid, primaryGroup: uid, home: "/nonexistent"), [uid])
            },
            groupID: { _ in nil }
        )
        clock = PrivacyClock()
        daemon = Daemon(
            configuration: configuration,
            database: try RiskDatabase(inMemory: ()),
            roles: roles,
            clock: clock.clock,
            logger: logger
        )
    }

    /// The reply of `method` called by `user`, as JSON text: `{"error":NAME,"parameters":…}` for an error, and
    /// `"stream"` for a streamed reply (not read).
    func call(_ method: String, _ parameters: String = "{}", as user: PrivacyUser) async -> String {
        await daemon.replyText(method, parameters, uid: user.rawValue)
    }

    /// The register both worlds share: a code, organisations, a risk with an action, meetings, declarations of
    /// the caller and of another member, and concerns not about the caller. Every call must succeed.
    func seedCommon(caller: PrivacyUser) async throws {
        clock.set(PrivacyClock.seeded)
        let steps: [(String, String, PrivacyUser)] = [
            // The board member is seen first: an action's owner must be an account or a member riskd knows.
            ("org.riskd.daemon.Whoami", "{}", .board),
            ("org.riskd.ethics.Publish", #"{"title":"Code","body":"Declare what you hold."}"#, .seeder),
            ("org.riskd.organisation.Add", #"{"name":"Western Balkan Fund","kind":"funder"}"#, .seeder),
            ("org.riskd.organisation.Add", #"{"name":"Eurodesk","kind":"network"}"#, .seeder),
            (
                "org.riskd.risk.Add", #"{"title":"Funding overlap","category":"governance","likelihood":4,"impact":4}"#,
                .seeder
            ),
            (
                "org.riskd.risk.AddAction",
                #"{"riskId":1,"description":"Ask the funder","owner":"pt-board","dueOn":"2026-10-15"}"#, .seeder
            ),
            ("org.riskd.meeting.Create", #"{"title":"Board meeting","date":"2026-12-20"}"#, .seeder),
            (
                "org.riskd.meeting.AddItem",
                #"{"meetingId":1,"title":"Grant round","organisations":["Western Balkan Fund","Eurodesk"]}"#, .seeder
            ),
            ("org.riskd.meeting.Publish", #"{"id":1}"#, .seeder),
            ("org.riskd.meeting.Create", #"{"title":"Draft meeting","date":"2026-12-27"}"#, .seeder),
            (
                "org.riskd.interest.Declare",
                #"{"kind":"gift","organisation":"Eurodesk","description":"A dinner","startedOn":"2026-09-01"}"#, .other
            ),
            (
                "org.riskd.concern.Raise",
                #"{"kind":"breach_of_code","text":"Spoke for the board","about":"pt-other"}"#,
                .raiser
            ),
            ("org.riskd.concern.Raise", #"{"kind":"other","text":"Minutes are late"}"#, .raiser),
        ]
        var all = steps
        if caller.isBoardMember {
            all.append(
                (
                    "org.riskd.interest.Declare",
                    #"{"kind":"gift","organisation":"Eurodesk","description":"A book","startedOn":"2026-09-02"}"#,
                    caller
                )
            )
        }
        for (method, parameters, user) in all {
            let reply = await call(method, parameters, as: user)
            guard !reply.hasPrefix(#"{"error""#) else { throw SeedFailure(step: method, reply: reply) }
        }
    }

    /// The secrets of one caller: another member's sensitive declaration (a secret from those who do not keep
    /// the register) and a concern about the caller, open since the register was seeded.
    func seedSecrets(caller: PrivacyUser) async throws {
        if !caller.keepsRegister {
            let reply = await call(
                "org.riskd.interest.Declare",
                #"{"kind":"employment","organisation":"Western Balkan Fund","description":"Peer worker","#
                    + #""sensitive":true,"startedOn":"2026-09-03"}"#,
                as: .other
            )
            guard !reply.hasPrefix(#"{"error""#) else { throw SeedFailure(step: "secret declaration", reply: reply) }
        }
        let concern = Concern(
            id: 0,
            raisedBy: PrivacyUser.raiser.name,
            about: caller.name,
            kind: .undeclaredInterest,
            text: "Holds an interest in the fund",
            raisedAt: PrivacyClock.seeded
        )
        let raiser = RiskDatabase.Actor(
            user: PrivacyUser.raiser.name,
            uid: 8007,
            method: "org.riskd.concern.Raise",
            now: concern.raisedAt
        )
        // Through the store, as the story would: the member it is about is not on the board Raise checks against.
        _ = try await daemon.database.write(raiser) { tx in try ConcernService.raise(tx, concern, charge: nil) }
    }

    /// Moves to the reading day and runs the review, so that findings (a concern open too long) are open.
    func startReading() async throws {
        clock.set(PrivacyClock.reading)
        let reply = await call("org.riskd.review.Run", as: .seeder)
        guard !reply.hasPrefix(#"{"error""#) else { throw SeedFailure(step: "review.Run", reply: reply) }
    }
}

struct SeedFailure: Error, CustomStringConvertible {
    var step: String
    var reply: String
    var description: String { "seeding failed at \(step): \(reply)" }
}
