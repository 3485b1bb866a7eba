import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// Looks users and groups up through NSS (`getpwuid_r`, `getgrouplist`, `getgrnam_r`, `getpwent_r`), as `id(1)` does.
///
/// Nothing is cached here; `RoleResolver` caches what it derives.
public enum UserDirectory {
    /// A user account.
    public struct Account: Sendable, Hashable {
        public var name: String
        public var uid: UInt32
        public var primaryGroup: UInt32
        public var home: String

        public init(name: String, uid: UInt32, primaryGroup: UInt32, home: String) {
            self.name = name
            self.uid = uid
            self.primaryGroup = primaryGroup
            self.home = home
        }
    }

    /// The account of `uid`, or `nil` when NSS knows none.
    public static func account(uid: UInt32) -> Account? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        while true {
            let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
            if status == ERANGE, buffer.count < 1 << 20 {
                buffer = [CChar](repeating: 0, count: buffer.count * 4)
                continue
            }
            guard status == 0, result != nil, let name = entry.pw_name else { return nil }
            return Account(
                name: String(cString: name),
                uid: entry.pw_uid,
                primaryGroup: entry.pw_gid,
                home: entry.pw_dir.map { String(cString: $0) } ?? "/"
            )
        }
    }

    /// The full name of the user called `user`: the first comma-separated field of the account's GECOS, as
    /// `finger(1)` reads it; nil when NSS knows no such user or the field is empty.
    public static func fullName(ofUser user: String) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(user, &entry, &buffer, buffer.count, &result) == 0, result != nil,
            let gecos = entry.pw_gecos
        else { return nil }
        return fullName(fromGECOS: String(cString: gecos))
    }

    /// The full name in a GECOS field: its first comma-separated field, trimmed; nil when that is empty.
    static func fullName(fromGECOS gecos: String) -> String? {
        let name =
            gecos.split(separator: ",", omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return name.isEmpty ? nil : name
    }

    /// The uid of the user called `name`.
    public static func uid(ofUser name: String) -> UInt32? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_uid
    }

    /// Every group `account` belongs to, its primary group included.
    public static func groupIDs(of account: Account) -> Set<UInt32> {
        var count: Int32 = 64
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            var found = count
            if getgrouplist(account.name, account.primaryGroup, &groups, &found) >= 0 {
                return Set(groups.prefix(Int(found)))
            }
            guard found > count, found < 65_536 else { return [account.primaryGroup] }
            count = found
        }
    }

    /// The gid of the group called `name`.
    public static func gid(ofGroup name: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    /// The user names that `identities` (an access list) name now: listed users, and the members of listed groups
    /// (see `userNames(inGroup:)`). A `unix-user:UID` that NSS does not know is named by its number, as the caller
    /// behind it would be; a group NSS does not know names nobody.
    public static func userNames(of identities: [Identity]) -> Set<String> {
        var names = Set<String>()
        for identity in identities {
            switch identity {
            case .userName(let name): names.insert(name)
            case .userID(let uid): names.insert(account(uid: uid)?.name ?? String(uid))
            case .group(let name): names.formUnion(userNames(inGroup: name))
            }
        }
        return names
    }

    /// The users who belong to the group called `name`: those its entry lists, and those whose primary group it
    /// is (which `/etc/group` does not list, as `useradd --gid` leaves them). Empty when NSS knows no such group.
    ///
    /// Finding the second kind walks the whole user database (`getpwent_r`), one walk at a time.
    public static func userNames(inGroup name: String) -> Set<String> {
        guard let (gid, listed) = groupEntry(name) else { return [] }
        return listed.union(userNames(withPrimaryGroup: gid))
    }

    /// The gid and the listed members of the group called `name`.
    private static func groupEntry(_ name: String) -> (gid: UInt32, members: Set<String>)? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        while true {
            let status = getgrnam_r(name, &entry, &buffer, buffer.count, &result)
            if status == ERANGE, buffer.count < 1 << 24 {
                buffer = [CChar](repeating: 0, count: buffer.count * 4)
                continue
            }
            guard status == 0, result != nil else { return nil }
            var members = Set<String>()
            if var member = entry.gr_mem {
                while let name = member.pointee {
                    members.insert(String(cString: name))
                    member += 1
                }
            }
            return (entry.gr_gid, members)
        }
    }

    /// The enumeration of `getpwent_r` is one stream per process: one walk at a time.
    private static let userDatabaseWalk = NIOLock()

    /// Every user whose primary group is `gid`.
    private static func userNames(withPrimaryGroup gid: UInt32) -> Set<String> {
        userDatabaseWalk.withLock {
            setpwent()
            defer { endpwent() }
            var names = Set<String>()
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            var buffer = [CChar](repeating: 0, count: 4096)
            while true {
                let status = getpwent_r(&entry, &buffer, buffer.count, &result)
                if status == ERANGE, buffer.count < 1 << 20 {
                    buffer = [CChar](repeating: 0, count: buffer.count * 4)
                    continue
                }
                guard status == 0, result != nil else { break }
                if entry.pw_gid == gid, let name = entry.pw_name {
                    names.insert(String(cString: name))
                }
            }
            return names
        }
    }
}
