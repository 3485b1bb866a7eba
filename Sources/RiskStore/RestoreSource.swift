import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A backup file as a restore may read it: a regular file (never a link), owned by the user riskd runs as or by
/// root, writable by no one else, whose header is riskd's and counts exactly the bytes it holds.
///
/// These checks come before SQLite opens the file. They cannot make its rows trustworthy, only its container:
/// the rows are checked as they are copied into a database built from riskd's own schema (`RestoreRebuild`).
package struct RestoreSource: Sendable {
    /// The path given.
    package let path: String
    /// Its header.
    package let header: DatabaseFileHeader

    /// Inspects `path`.
    ///
    /// - Throws: `RiskDatabase.RestoreRefusal`, one line naming the file and the reason.
    package init(path: String, migrations: Int) throws {
        self.path = path
        func refuse(_ reason: String) -> RiskDatabase.RestoreRefusal {
            RiskDatabase.RestoreRefusal(description: "\(path) \(reason)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let error = errno
            if error == ELOOP { throw refuse("is a symbolic link; give the backup's own path") }
            throw refuse("cannot be opened: \(String(cString: strerror(error)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw refuse("cannot be inspected: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw refuse("is not a regular file") }
        guard status.st_uid == geteuid() || status.st_uid == 0 else {
            throw refuse(
                "belongs to uid \(status.st_uid): a backup to restore must belong to the user riskd runs as "
                    + "(uid \(geteuid())) or to root"
            )
        }
        guard status.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            throw refuse("is writable by users other than its owner, so it may have changed since it was checked")
        }
        var bytes = [UInt8](repeating: 0, count: DatabaseFileHeader.length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard read == DatabaseFileHeader.length else { throw refuse("is not an SQLite database") }
        do {
            header = try DatabaseFileHeader(bytes: bytes)
            try header.checkRestorable(fileBytes: Int(status.st_size), migrations: migrations)
        } catch {
            throw refuse(error.description)
        }
    }
}
