import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

extension RiskDatabase {
    /// Why a file cannot be restored.
    public struct RestoreRefusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks that `file` can be restored: an SQLite database whose `integrity_check` is ok and whose audit chain
    /// verifies. Opens it read-only: the file is not changed (nor migrated) by the check.
    ///
    /// - Returns: the number of audit entries and the chain's head.
    public static func checkRestorable(_ file: String) throws -> (entries: Int, head: String) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: file, configuration: configuration)
        } catch {
            throw RestoreRefusal(description: "\(file) cannot be opened as a database: \(error)")
        }
        return try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard integrity == ["ok"] else {
                throw RestoreRefusal(
                    description:
                        "\(file) fails SQLite's integrity check: \(integrity.prefix(3).joined(separator: "; "))"
                )
            }
            guard try db.tableExists("audit") else {
                throw RestoreRefusal(description: "\(file) is not a riskd database: it has no audit trail")
            }
            let verification = try AuditChain.verify(db)
            guard verification.ok else {
                let seq = verification.firstBadSeq.map { " at entry \($0)" } ?? ""
                throw RestoreRefusal(description: "the audit chain of \(file) does not verify\(seq)")
            }
            return (verification.entries, verification.head)
        }
    }

    /// Replaces the database at `path` by a copy of `file` (already checked by `checkRestorable`), keeping the
    /// replaced one, with its WAL, beside it as `path.replaced-STAMP`; the copy is synced before it takes the name.
    /// The caller holds the database's instance lock, so no riskd has it open.
    ///
    /// - Returns: where the replaced database went, `nil` when there was none.
    public static func replace(_ path: String, with file: String, stamp: String) throws -> String? {
        let manager = FileManager.default
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let incoming = path + ".restoring"
        try? manager.removeItem(atPath: incoming)
        guard manager.createFile(atPath: incoming, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw RestoreRefusal(description: "cannot write \(incoming)")
        }
        let descriptor = open(incoming, O_RDONLY)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
        var kept: String?
        if manager.fileExists(atPath: path) {
            let aside = "\(path).replaced-\(stamp)"
            try manager.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
                try manager.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
            kept = aside
        }
        try manager.moveItem(atPath: incoming, toPath: path)
        return kept
    }
}

extension RiskDatabase {
    /// Audits, in the restored database, that it was restored from `file` and where the replaced one went.
    ///
    /// Mails the backup holds as queued or sending may have gone out after it was taken: they are marked uncertain
    /// rather than sent a second time (`riskctl mail status` lists them).
    public func recordRestore(from file: String, replaced: String?, actor: Actor) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE mail SET state = 'uncertain', settled_at = ?, reason = 'restored from a backup: it may have '
                        || 'been sent after the backup was taken, so riskd will not send it again by itself'
                    WHERE state IN ('queued', 'sending')
                    """,
                arguments: [actor.now.description]
            )
            try self.audit(
                db,
                actor,
                subject: nil,
                detail: AuditDetail([
                    "restoredFrom": .text(file), "replacedKeptAt": replaced.map { .text($0) } ?? .null,
                ])
            )
        }
    }
}
