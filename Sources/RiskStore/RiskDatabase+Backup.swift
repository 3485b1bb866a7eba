import Foundation
import GRDB
import RiskCore

#if canImport(Glibc)
import Glibc
#endif

extension RiskDatabase {
    /// Copies the database with `VACUUM INTO` to `directory/riskd-<timestamp>.sqlite` and keeps the newest `keep`
    /// copies. Returns the path, size and SHA-256 of the copy.
    ///
    /// The directory is created mode 0700 when missing and refused unless it is riskd's alone (see
    /// `PrivateDirectory`). The copy is created empty with `O_EXCL|O_NOFOLLOW`, mode 0600, before SQLite writes a
    /// byte into it (`VACUUM INTO` accepts an existing empty file), so it is never readable by others and never
    /// follows a link planted at its name. A failed copy is removed.
    public func backup(
        into directory: String,
        now: Instant,
        keep: Int
    ) async throws
        -> (path: String, bytes: Int, sha256: String)
    {
        try PrivateDirectory.prepare(directory)
        let destination = try Self.createBackupFile(in: directory, stamp: now.description)
        let contents: Data
        do {
            try await writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
            }
            contents = try Data(contentsOf: URL(fileURLWithPath: destination))
        } catch {
            unlink(destination)
            throw StoreError.backupFailed("\(destination) was not written, and is removed: \(error)")
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("riskd-") && $0.hasSuffix(".sqlite") }
            .sorted()
        for old in backups.dropLast(max(keep, 1)) {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(old)")
        }
        return (destination, contents.count, AuditChain.hex(sha256: contents))
    }

    /// Creates the empty file of a new backup, mode 0600, under a name not taken yet (`riskd-<stamp>.sqlite`,
    /// then `-2`, `-3`…), and returns its path.
    private static func createBackupFile(in directory: String, stamp: String) throws -> String {
        let stamp = stamp.replacingOccurrences(of: ":", with: "")
        for attempt in 1...1000 {
            let path = "\(directory)/riskd-\(stamp)\(attempt == 1 ? "" : "-\(attempt)").sqlite"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw StoreError.backupFailed("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            // The umask may have taken bits away; the file is still empty.
            let made = fchmod(descriptor, 0o600)
            close(descriptor)
            guard made == 0 else {
                unlink(path)
                throw StoreError.backupFailed("cannot make \(path) mode 0600")
            }
            return path
        }
        throw StoreError.backupFailed("cannot create a file in \(directory): every name for \(stamp) is taken")
    }
}
