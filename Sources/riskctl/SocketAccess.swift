#if canImport(Glibc)
import Glibc
#endif

/// Why the socket refused this user, in the words an administrator acts on: who the socket is open to, the
/// configuration key that decides it, and the one command that lets the user in.
///
/// A socket riskd creates itself (riskd run by hand, or by a unit without riskd.socket) gets `socket_mode` and
/// `socket_group`; riskd.socket's is 0666, so its callers never get here.
struct SocketAccess: Equatable {
    /// The socket's path, as riskctl tried it.
    var path: String
    /// Its permission bits (`st_mode & 0o777`).
    var mode: UInt32
    /// Its owner and group, by name (the number when NSS has no name).
    var owner: String
    var group: String
    /// The caller's login name.
    var user: String
    /// The socket's group is among this process's groups.
    var inGroupNow: Bool
    /// The group database lists the caller in the socket's group (or it is the caller's primary group): a
    /// `usermod -aG` made after this login began.
    var listedInGroup: Bool

    /// The sentence after `cannot connect to riskd at PATH: permission denied; `.
    var explanation: String {
        let key = "in \(configurationFile)"
        guard mode & 0o020 != 0 else {
            let modeText = "0" + String(mode, radix: 8)
            return "the socket (mode \(modeText), socket_mode \(key)) is open only to \(owner): ask the "
                + "administrator to set socket_mode = \"0660\" and socket_group to a group of the people who use riskd"
        }
        if group == "root" {
            return "it is open to root alone (socket_group unset \(key), so riskd's own group): ask the administrator "
                + "to set socket_group to a group of the people who use riskd, or socket_mode = \"0666\" to let "
                + "[access] alone decide"
        }
        if listedInGroup && !inGroupNow {
            return "it is open to group \(group), which you joined after this login began: log in again "
                + "(or run `newgrp \(group)`)"
        }
        return "it is open to group \(group) (socket_group \(key)): ask the administrator to run "
            + "`usermod -aG \(group) \(user)`, then log in again"
    }

    /// Where the key lives: the system socket belongs to the system configuration.
    private var configurationFile: String {
        path == SocketLocator.systemSocket ? "/etc/riskd/riskd.toml" : "the riskd.toml riskd was started with"
    }

    /// The whole line: why `path` refused this process, or nil when riskctl cannot tell (then the caller says
    /// what the system said).
    static func refusal(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == EACCES, let directory = closedDirectory(above: path) else { return nil }
            return "cannot connect to riskd at \(path): permission denied; the directory \(directory) is closed to "
                + "you: ask the administrator to open it, or to put the socket elsewhere (socket in riskd.toml)"
        }
        guard let access = SocketAccess(path: path, status: status) else { return nil }
        return "cannot connect to riskd at \(path): permission denied; \(access.explanation)"
    }
}

extension SocketAccess {
    /// The facts of a socket `stat` described, and of this process.
    fileprivate init?(path: String, status: stat) {
        guard let account = getpwuid(getuid()), let userName = account.pointee.pw_name else { return nil }
        let user = String(cString: userName)
        let gid = status.st_gid
        var members: [String] = []
        var groupName = String(gid)
        if let entry = getgrgid(gid) {
            groupName = entry.pointee.gr_name.map { String(cString: $0) } ?? groupName
            var member = entry.pointee.gr_mem
            while let name = member?.pointee {
                members.append(String(cString: name))
                member = member?.advanced(by: 1)
            }
        }
        let ownerName = getpwuid(status.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        self.init(
            path: path,
            mode: UInt32(status.st_mode) & 0o777,
            owner: ownerName ?? String(status.st_uid),
            group: groupName,
            user: user,
            inGroupNow: Self.processGroups().contains(gid),
            listedInGroup: account.pointee.pw_gid == gid || members.contains(user)
        )
    }

    /// This process's effective and supplementary groups.
    private static func processGroups() -> Set<gid_t> {
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = groups.withUnsafeMutableBufferPointer { getgroups(count, $0.baseAddress) }
        return Set(groups.prefix(Int(max(filled, 0)))).union([getegid()])
    }

    /// The first directory above `path` this process may not search, if any.
    private static func closedDirectory(above path: String) -> String? {
        var directory = ""
        for component in path.split(separator: "/").dropLast() {
            directory += "/" + component
            if access(directory, X_OK) != 0 { return directory }
        }
        return nil
    }
}
