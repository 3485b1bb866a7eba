import NIOConcurrencyHelpers
import RiskCore

/// Who a peer is: the user name from NSS and the roles `[access]` gives them.
public struct Caller: Sendable, Hashable {
    public var user: String
    public var uid: UInt32
    public var roles: Set<Role>

    public init(user: String, uid: UInt32, roles: Set<Role>) {
        self.user = user
        self.uid = uid
        self.roles = roles
    }
}

/// Maps a peer uid to a `Caller` through NSS and the access lists, caching each answer for a few seconds so a
/// burst of calls costs one lookup while a `usermod -aG` still takes effect quickly.
public final class RoleResolver: Sendable {
    private struct Cached {
        var caller: Caller
        var expires: UInt64
    }

    private let access: NIOLockedValueBox<Configuration.Access>
    private let cache = NIOLockedValueBox<[UInt32: Cached]>([:])
    private let daemonUID: UInt32
    private let lookup: @Sendable (UInt32) -> (account: UserDirectory.Account?, groups: Set<UInt32>)
    private let groupID: @Sendable (String) -> UInt32?
    private static let lifetime: UInt64 = 5_000_000_000

    /// - Parameters:
    ///   - daemonUID: the daemon's own uid, an administrator unless `access.rootIsAdmin` is false.
    ///   - lookup, groupID: NSS by default; tests pass tables.
    public init(
        access: Configuration.Access,
        daemonUID: UInt32,
        lookup: @escaping @Sendable (UInt32) -> (account: UserDirectory.Account?, groups: Set<UInt32>) = {
            uid in
            let account = UserDirectory.account(uid: uid)
            return (account, account.map(UserDirectory.groupIDs(of:)) ?? [])
        },
        groupID: @escaping @Sendable (String) -> UInt32? = UserDirectory.gid(ofGroup:)
    ) {
        self.access = NIOLockedValueBox(access)
        self.daemonUID = daemonUID
        self.lookup = lookup
        self.groupID = groupID
    }

    /// Replaces the access lists (SIGHUP) and forgets cached answers.
    public func reload(_ access: Configuration.Access) {
        self.access.withLockedValue { $0 = access }
        cache.withLockedValue { $0.removeAll() }
    }

    /// The groups whose members hold each role, from the access lists in force (`unix-group:NAME` entries), for a
    /// refusal to say which group to join; a role given only to users has none.
    public func groups() -> [Role: [String]] {
        let access = self.access.withLockedValue { $0 }
        let lists: [Role: [Identity]] = [
            .admin: access.admins, .board: access.board, .auditor: access.auditors, .mailer: access.mailers,
        ]
        return lists.mapValues { identities in
            identities.compactMap { identity in
                if case .group(let name) = identity { return name }
                return nil
            }
        }
    }

    /// The caller behind `uid`. A uid NSS does not know is named by its number and holds only roles given to
    /// `unix-user:UID`.
    public func caller(uid: UInt32, now: UInt64 = Clock.monotonicNanoseconds()) -> Caller {
        if let cached = cache.withLockedValue({ $0[uid] }), cached.expires > now { return cached.caller }
        let caller = resolve(uid: uid)
        cache.withLockedValue { $0[uid] = Cached(caller: caller, expires: now + Self.lifetime) }
        return caller
    }

    private func resolve(uid: UInt32) -> Caller {
        let access = self.access.withLockedValue { $0 }
        let (account, groups) = lookup(uid)
        let name = account?.name ?? String(uid)
        func matches(_ identities: [Identity]) -> Bool {
            identities.contains { identity in
                switch identity {
                case .userID(let id): id == uid
                case .userName(let user): account?.name == user
                case .group(let group): groupID(group).map(groups.contains) ?? false
                }
            }
        }
        var roles = Set<Role>()
        if matches(access.admins) || (access.rootIsAdmin && (uid == 0 || uid == daemonUID)) { roles.insert(.admin) }
        if matches(access.board) { roles.insert(.board) }
        if matches(access.auditors) { roles.insert(.auditor) }
        if matches(access.mailers) || (access.rootIsAdmin && (uid == 0 || uid == daemonUID)) { roles.insert(.mailer) }
        return Caller(user: name, uid: uid, roles: roles)
    }
}
