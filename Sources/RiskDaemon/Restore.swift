import Foundation
import RiskCore
import RiskStore

#if canImport(Glibc)
import Glibc
#endif

/// `riskd --restore FILE`: puts a backup back in place of the configured database, while no riskd serves it.
///
/// A restore trusts the backup's rows, never its schema. In order: take the database's instance lock (refused,
/// naming the holder, while a riskd has it); check FILE before SQLite reads it (a regular file of riskd's user or
/// root, riskd's `application_id`, a schema no newer than this riskd's, no bytes beyond its pages); build, beside the
/// database, a fresh database from riskd's own migrations and copy FILE's rows into it, refusing any trigger, view,
/// table or index riskd does not create, and any row its constraints refuse; verify the audit chain there; move the
/// current database and its WAL aside as `DATABASE.replaced-STAMP`, and the built one into place; in it, mark
/// uncertain the mails that may have gone out after the backup was taken (`MailRules.unsureAfterRestore`), audit the
/// restore, and record its audit head, so that the next start accepts the restored chain. Writes acknowledged after
/// the backup was taken are in the replaced database only. Whatever fails, the built copy is removed and the
/// database is as it was.
public enum Restore {
    /// Restores `file` over `configuration.database`; returns the lines to print.
    ///
    /// - Throws: `Refusal`, one line; `riskd` exits 69 with it.
    public static func run(file: String, configuration: Configuration, now: Instant) async throws -> [String] {
        do {
            return try await restore(file: file, configuration: configuration, now: now)
        } catch {
            throw Refusal(reason: "\(error)")
        }
    }

    /// A restore that did not happen; the database is as it was.
    public struct Refusal: Error, CustomStringConvertible {
        /// One line: SQLite's integrity check, for one, reports a line per problem.
        public var description: String

        init(reason: String) {
            description = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: "; ")
        }
    }

    private static func restore(file: String, configuration: Configuration, now: Instant) async throws -> [String] {
        let database = configuration.database
        let lock = try InstanceLock(path: database + ".lock", guarding: "the database \(database)")
        defer { withExtendedLifetime(lock) {} }
        let copy = try RiskDatabase.rebuild(from: file, beside: database)
        defer { copy.discard() }
        let stamp = now.description.replacingOccurrences(of: ":", with: "")
        let replaced = try RiskDatabase.install(copy, at: database, stamp: stamp)
        let restored = try RiskDatabase(path: database)
        let actor = RiskDatabase.Actor(
            user: UserDirectory.account(uid: getuid())?.name ?? String(getuid()),
            uid: Int(getuid()),
            method: "riskd --restore",
            now: now
        )
        try await restored.write(actor) { tx in
            try tx.markUncertain(MailRules.unsureAfterRestore, reason: MailRules.restoredReason)
            try tx.audit(nil, RestoreAudit.restored(from: file, replacedKeptAt: replaced))
        }
        let recorded = try await restored.recordAuditHead()
        try restored.checkpoint()
        return [
            "Restored \(database) from the rows of \(file): its audit chain of \(copy.entries) entries verified "
                + "(head \(copy.head)).",
            replaced.map { "The replaced database is kept at \($0)." } ?? "There was no database to replace.",
            "The restore is audited; the audit head is now \(recorded.hash).",
        ]
    }
}
