import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A directory only riskd may read or write (owned by its effective uid, mode 0700, not a symbolic link): where
/// backups go.
package enum PrivateDirectory {
    /// Creates `path` (and missing parents, mode 0700) unless it exists, then checks it.
    ///
    /// - Throws: `FileRefusal` for a symbolic link, anything but a directory, a directory of another user or one
    ///   that others may read, write or enter; `StoreError.unavailable` when it cannot be created.
    package static func prepare(_ path: String) throws {
        var status = stat()
        if lstat(path, &status) != 0 {
            guard errno == ENOENT else {
                throw StoreError.unavailable("cannot inspect \(path): \(String(cString: strerror(errno)))")
            }
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: parent,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
            }
            // EEXIST: made meanwhile by someone else; checked below like any existing directory.
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError.unavailable("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            guard lstat(path, &status) == 0 else {
                throw StoreError.unavailable("cannot inspect \(path): \(String(cString: strerror(errno)))")
            }
        }
        try check(path, status)
    }

    private static func check(_ path: String, _ status: stat) throws {
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw FileRefusal(path: path, reason: "it is a symbolic link, not a directory")
        default: throw FileRefusal(path: path, reason: "it is not a directory")
        }
        guard status.st_uid == geteuid() else {
            throw FileRefusal(path: path, reason: "it belongs to uid \(status.st_uid), not to riskd (uid \(geteuid()))")
        }
        let mode = status.st_mode & 0o7777
        guard mode & 0o077 == 0 else {
            let octal = String(mode, radix: 8)
            throw FileRefusal(path: path, reason: "others may use it (mode 0\(octal)); it must be mode 0700")
        }
    }
}
