#if canImport(Glibc)
import Glibc
#endif

/// Looks users and groups up through NSS (`getpwuid_r`, `getgrouplist`, `getgrnam_r`), as `id(1)` does.
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
            return Account(name: String(cString: name), uid: entry.pw_uid, primaryGroup: entry.pw_gid,
                           home: entry.pw_dir.map { String(cString: $0) } ?? "/")
        }
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
}
