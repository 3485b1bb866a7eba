import Foundation
import GRDB
import RiskCore

#if canImport(Glibc)
import Glibc
#endif

/// The riskd database: owns the GRDB writer and the migrator, and performs every read and every mutation.
///
/// Each mutation runs in one transaction together with its audit entry, and returns only after the commit, so a
/// reply built from its result is never ahead of the disk (`synchronous=FULL` in WAL mode). Reads never wait for
/// writes: `lookup` for reads bounded by a key or a page (on an event loop's own connection when called there), and
/// GRDB's async `read` on the pool's readers for scans of a whole table. No read ever blocks a thread waiting for a connection.
public final class RiskDatabase: Sendable {
    /// Who makes a change and when: the fields of its audit entry that do not depend on the change.
    public struct Actor: Sendable, Hashable {
        public var user: String
        public var uid: Int
        public var method: String
        public var now: Instant

        public init(user: String, uid: Int, method: String, now: Instant) {
            self.user = user
            self.uid = uid
            self.method = method
            self.now = now
        }
    }

    let writer: any DatabaseWriter
    /// Every mutation goes through here, so concurrent writers share commits (see `GroupCommit`).
    let commits: GroupCommit
    /// The file, or `nil` for an in-memory database.
    public let path: String?
    /// The event-loop threads' own read connections (see `lookup`).
    let threadReaders = ThreadReaders()

    /// Opens (creating when missing, mode 0600) the database at `path` and migrates it.
    public init(path: String) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.unavailable("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o600)
        close(fd)
        self.path = path
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        // GRDB switches the writer to `synchronous=NORMAL` when it turns WAL on, after `prepareDatabase` ran:
        // a commit would then reach the disk only at the next checkpoint, and a power cut could lose writes
        // already acknowledged. FULL syncs the WAL at every commit. (Readers never write; the writer is one
        // connection, so this holds for its lifetime.)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        self.writer = pool
        self.commits = GroupCommit(writer: writer)
        try Migrations.migrator.migrate(writer)
    }

    /// A fresh in-memory database, for tests.
    public init(inMemory: Void = ()) throws {
        self.path = nil
        self.writer = try DatabaseQueue(configuration: Self.configuration())
        self.commits = GroupCommit(writer: writer)
        try Migrations.migrator.migrate(writer)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Runs a read bounded by a key or a page limit: on the calling thread's own connection when it has one (an
    /// event loop, in the daemon: see `adoptReaderForCurrentThread`), else through the pool, asynchronously.
    ///
    /// It never blocks a thread waiting for a pooled reader. Never use it for a read that scans a table (the review
    /// snapshot, the audit chain, `integrity_check`): on an event loop that would hold up every connection it serves.
    func lookup<T: Sendable>(_ read: @Sendable (Database) throws -> T) async throws -> T {
        if let reader = threadReaders.current() {
            return try ThreadReaders.read(on: reader, read)
        }
        return try await writer.read(read)
    }

    /// Gives the calling thread a read connection of its own, which `lookup` then uses without waiting.
    ///
    /// Meant for the event-loop threads, once each at start: they must never wait for a pooled reader. Does
    /// nothing for an in-memory database, whose one connection cannot be shared.
    public func adoptReaderForCurrentThread() throws {
        guard let path else { return }
        try threadReaders.adopt(path: path, configuration: Self.configuration())
    }

    /// Threads holding a read connection of their own.
    public var threadReaderCount: Int { threadReaders.count }

    /// Runs a mutation in a durable transaction, possibly shared with concurrent ones; returns after the commit.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await commits.write(work)
    }

    /// The number of applied migrations.
    public func schemaVersion() async throws -> Int {
        try await writer.read { db in try Migrations.migrator.appliedIdentifiers(db).count }
    }

    /// Counts of every risk, closed ones included.
    public func riskCount() async throws -> Int {
        try await writer.read { db in try RiskRow.fetchCount(db) }
    }

    /// Copies the database with `VACUUM INTO` to `directory/riskd-<timestamp>.sqlite` (mode 0600) and keeps the
    /// newest `keep` copies. Returns the path, size and SHA-256 of the copy.
    public func backup(into directory: String, now: Instant, keep: Int) async throws
        -> (path: String, bytes: Int, sha256: String)
    {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let stamp = now.description.replacingOccurrences(of: ":", with: "")
        var target = "\(directory)/riskd-\(stamp).sqlite"
        var attempt = 1
        while FileManager.default.fileExists(atPath: target) {
            attempt += 1
            target = "\(directory)/riskd-\(stamp)-\(attempt).sqlite"
        }
        let destination = target
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
        }
        chmod(destination, 0o600)
        let contents = try Data(contentsOf: URL(fileURLWithPath: destination))
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("riskd-") && $0.hasSuffix(".sqlite") }
            .sorted()
        for old in backups.dropLast(max(keep, 1)) {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(old)")
        }
        return (destination, contents.count, AuditChain.hex(sha256: contents))
    }

    /// Writes the WAL back into the main file (at shutdown).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    /// Runs `PRAGMA integrity_check`; `["ok"]` when the file is sound.
    public func integrityCheck() async throws -> [String] {
        try await writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: Audit

    /// Audit entries, oldest first, optionally for one subject (`risk:4`), after `after`.
    public func auditLog(subject: String?, after: Int?, limit: Int) async throws
        -> (entries: [AuditEntry], next: Int?)
    {
        try await lookup { db in
            var sql = "SELECT * FROM audit WHERE seq > ?"
            var arguments: StatementArguments = [after ?? 0]
            if let subject {
                sql += " AND subject = ?"
                arguments += [subject]
            }
            sql += " ORDER BY seq LIMIT ?"
            arguments += [limit + 1]
            let rows = try AuditEntry.fetchAll(db, sql: sql, arguments: arguments)
            let page = Array(rows.prefix(limit))
            return (page, rows.count > limit ? page.last?.seq : nil)
        }
    }

    /// The newest audit entry's sequence number and hash (the chain head written to the journal after each run).
    public func auditHead() async throws -> (seq: Int, hash: String) {
        try await lookup { db in
            let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
            return (row?["seq"] ?? 0, row?["hash"] ?? AuditChain.genesis)
        }
    }

    /// Recomputes the audit chain.
    public func verifyAudit() async throws -> AuditVerification {
        try await writer.read { db in try AuditChain.verify(db) }
    }

    /// Records an audit entry for a change made in `db` by `actor`.
    func audit(_ db: Database, _ actor: Actor, subject: String?, detail: AuditDetail) throws {
        try AuditChain.append(db, at: actor.now.description, actor: actor.user, uid: actor.uid,
                              method: actor.method, subject: subject, detail: detail)
    }
}
