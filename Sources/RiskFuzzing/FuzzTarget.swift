import Foundation
import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskDaemon
import RiskStore
import Varlink

/// Who sends a fuzz input's frames: one user of each role, two board members so that one can reach the other's
/// records, and a user with no role.
enum FuzzCaller: UInt32, CaseIterable, Sendable {
    case admin = 7001
    case boardMember = 7002
    case otherBoardMember = 7003
    case auditor = 7004
    case noRole = 7005

    /// The account name the harness's user table gives this caller.
    var userName: String {
        switch self {
        case .admin: "fuzz-admin"
        case .boardMember: "fuzz-board"
        case .otherBoardMember: "fuzz-board-other"
        case .auditor: "fuzz-auditor"
        case .noRole: "fuzz-nobody"
        }
    }
}

/// riskd as the harness serves it: the daemon's own Varlink service over an in-memory database, a fixed clock, and
/// roles from a table instead of NSS.
///
/// The database is kept across inputs, so that calls find records earlier inputs wrote (admins do write), and
/// replaced every `inputsPerDatabase` inputs so that it stays small and fuzzing stays fast.
final class FuzzTarget: Sendable {
    /// The target of this process, renewed as `next()` decides.
    static let shared = FuzzTargetSlot()
    /// Inputs served by one database before a fresh one replaces it.
    static let inputsPerDatabase = 2_000

    /// The Varlink service of the daemon, exactly as its socket uses it.
    let service: VarlinkService
    /// The largest frame the server's decoder accepts (`[limits] max_message_bytes`, at its default).
    let maximumFrameBytes: Int
    /// Keeps the daemon (and so its database and review runner) alive as long as the service.
    private let daemon: Daemon

    /// A daemon over a fresh in-memory database. Traps when it cannot be built: the harness is then unusable.
    init() {
        var configuration = Configuration(
            paths: DefaultPaths(
                socket: "/nonexistent/riskd-fuzz.sock",
                database: ":memory:"
            )
        )
        configuration.access.admins = [.userID(FuzzCaller.admin.rawValue)]
        configuration.access.board = [
            .userID(FuzzCaller.boardMember.rawValue),
            .userID(FuzzCaller.otherBoardMember.rawValue),
        ]
        configuration.access.auditors = [.userID(FuzzCaller.auditor.rawValue)]
        configuration.access.rootIsAdmin = false
        // daemon.Backup writes a real file: keep one, in a directory of this user's, not beside ":memory:".
        configuration.backup.directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("riskd-fuzz-backups-\(getuid())").path
        configuration.backup.keep = 1
        var logger = Logger(label: "riskd-fuzz")
        logger.logLevel = .critical
        let roles = RoleResolver(
            access: configuration.access,
            daemonUID: 7000,
            lookup: Self.lookup,
            groupID: { _ in nil }
        )
        let database: RiskDatabase
        do {
            database = try RiskDatabase(inMemory: ())
        } catch {
            preconditionFailure("riskd-fuzz: cannot create an in-memory database: \(error)")
        }
        let clock = Clock.fixed(Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 1_795_932_000))
        daemon = Daemon(configuration: configuration, database: database, roles: roles, clock: clock, logger: logger)
        service = daemon.service
        maximumFrameBytes = configuration.limits.maxMessageBytes
    }

    /// The credentials a connection of `caller` would carry.
    func peer(_ caller: FuzzCaller) -> PeerCredentials {
        PeerCredentials(uid: caller.rawValue, gid: caller.rawValue, pid: 4242)
    }

    /// The harness's user table, in place of NSS: every fuzz caller exists, nobody else does.
    private static let lookup: @Sendable (UInt32) -> (account: UserDirectory.Account?, groups: Set<UInt32>) = { uid in
        guard let caller = FuzzCaller(rawValue: uid) else { return (nil, []) }
        let account = UserDirectory.Account(
            name: caller.userName,
            uid: uid,
            primaryGroup: uid,
            home: "/nonexistent"
        )
        return (account, [uid])
    }
}

/// The process's current `FuzzTarget`, replaced by a fresh one every `FuzzTarget.inputsPerDatabase` inputs.
final class FuzzTargetSlot: Sendable {
    private let state = NIOLockedValueBox<(target: FuzzTarget?, served: Int)>((nil, 0))

    /// The target for the next input.
    func next() -> FuzzTarget {
        state.withLockedValue { state in
            if let target = state.target, state.served < FuzzTarget.inputsPerDatabase {
                state.served += 1
                return target
            }
            let target = FuzzTarget()
            state = (target, 1)
            return target
        }
    }
}
