import Foundation
import RiskCore
import RiskStore

#if canImport(Glibc)
import Glibc
#endif

/// `riskd --restore FILE`: puts a backup back in place of the configured database, while no riskd serves it.
///
/// In order: take the database's instance lock (refused, naming the holder, while a riskd has it); check FILE
/// (SQLite's integrity check and the audit chain, read-only); move the current database and its WAL aside as
/// `DATABASE.replaced-STAMP`; copy FILE in; open it (migrating it if it is older), audit the restore in it, and
/// record its audit head beside it, so that the next start accepts the restored chain. Writes acknowledged after
/// the backup was taken are in the replaced database only.
public enum Restore {
    /// Restores `file` over `configuration.database`; returns the lines to print.
    public static func run(file: String, configuration: Configuration, now: Instant) async throws -> [String] {
        let database = configuration.database
        let lock = try InstanceLock(path: database + ".lock", guarding: "the database \(database)")
        defer { withExtendedLifetime(lock) {} }
        let (entries, head) = try RiskDatabase.checkRestorable(file)
        let stamp = now.description.replacingOccurrences(of: ":", with: "")
        let replaced = try RiskDatabase.replace(database, with: file, stamp: stamp)
        let restored = try RiskDatabase(path: database)
        let actor = RiskDatabase.Actor(
            user: UserDirectory.account(uid: getuid())?.name ?? String(getuid()),
            uid: Int(getuid()),
            method: "riskd --restore",
            now: now
        )
        try await restored.recordRestore(from: file, replaced: replaced, actor: actor)
        let recorded = try await restored.recordAuditHead()
        try restored.checkpoint()
        return [
            "Restored \(database) from \(file): its audit chain of \(entries) entries verified (head \(head)).",
            replaced.map { "The replaced database is kept at \($0)." } ?? "There was no database to replace.",
            "The restore is audited; the audit head is now \(recorded.hash).",
        ]
    }
}
