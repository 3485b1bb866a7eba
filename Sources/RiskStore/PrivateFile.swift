#if canImport(Glibc)
import Glibc
#endif

/// A path riskd was told to use that is not what it should be; nothing at the path was changed.
public struct FileRefusal: Error, Sendable, CustomStringConvertible {
    /// The path refused.
    public let path: String
    /// Why, as a phrase that completes "refusing PATH: …".
    public let reason: String

    /// A refusal of `path` for `reason`.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `refusing PATH: REASON`, one line.
    public var description: String { "refusing \(path): \(reason)" }
}

/// The files riskd keeps (the database, its lock and audit-head files, backups), opened so that a symbolic link,
/// a device or someone else's file is refused before anything about it changes.
package enum PrivateFile {
    /// The first 16 bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Opens `path` read-write (creating it with `mode` when `create` and it is missing) and checks, on the open
    /// descriptor, that it is a regular file owned by the effective uid. Returns the descriptor.
    ///
    /// - Throws: `FileRefusal` for a symbolic link, anything but a regular file, or a file of another user;
    ///   `StoreError.unavailable` when it cannot be opened at all.
    package static func openOwned(_ path: String, create: Bool, mode: mode_t = 0o600) throws -> Int32 {
        // O_NONBLOCK: opening a FIFO must not hang the daemon; it is refused just below.
        let flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | (create ? O_CREAT : 0)
        let descriptor = open(path, flags, mode)
        guard descriptor >= 0 else {
            let error = errno
            if error == ELOOP { throw FileRefusal(path: path, reason: "it is a symbolic link") }
            throw StoreError.unavailable("cannot open \(path): \(String(cString: strerror(error)))")
        }
        do {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                throw StoreError.unavailable("cannot inspect \(path): \(String(cString: strerror(errno)))")
            }
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw FileRefusal(path: path, reason: "it is not a regular file")
            }
            guard status.st_uid == geteuid() else {
                let owner = "it belongs to uid \(status.st_uid), not to riskd (uid \(geteuid()))"
                throw FileRefusal(path: path, reason: owner)
            }
            // Back to blocking I/O for the file's users.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return descriptor
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Checks that the database at `path` is riskd's to use (a regular file of ours, empty or starting with the
    /// SQLite header; created 0600 when missing), and only then makes it mode 0600.
    ///
    /// - Throws: `FileRefusal` for anything else, having changed nothing.
    package static func prepareDatabase(_ path: String) throws {
        let descriptor = try openOwned(path, create: true)
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw StoreError.unavailable("cannot inspect \(path): \(String(cString: strerror(errno)))")
        }
        if status.st_size > 0 {
            var header = [UInt8](repeating: 0, count: sqliteHeader.count)
            let read = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            guard read == sqliteHeader.count, header == sqliteHeader else {
                throw FileRefusal(path: path, reason: "it is not an SQLite database")
            }
            // `PRAGMA application_id`, big-endian at offset 68: 0 in a file from before riskd stamped its own.
            var identity = [UInt8](repeating: 0, count: 4)
            if identity.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, 4, 68) }) == 4 {
                let applicationID = identity.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                guard applicationID == 0 || applicationID == DatabaseFileHeader.riskdApplicationID else {
                    let hex = String(applicationID, radix: 16)
                    throw FileRefusal(
                        path: path,
                        reason: "it is another program's SQLite database (application_id 0x\(hex), not riskd's)"
                    )
                }
            }
        }
        if status.st_mode & 0o7777 != 0o600, fchmod(descriptor, 0o600) != 0 {
            throw StoreError.unavailable("cannot make \(path) mode 0600: \(String(cString: strerror(errno)))")
        }
    }
}
