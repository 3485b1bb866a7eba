import Foundation
import GRDB
import RiskCore
import Synchronization

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
        /// The local date of `now` (the daemon's time zone); its UTC date when not given.
        public var today: CalendarDate

        public init(user: String, uid: Int, method: String, now: Instant, today: CalendarDate? = nil) {
            self.user = user
            self.uid = uid
            self.method = method
            self.now = now
            self.today = today ?? now.utcDate
        }

        /// riskd itself, making a change no call asked for (the daily review's erasures), at `now` on `today`.
        public static func daemon(now: Instant, today: CalendarDate) -> Actor {
            Actor(user: RiskVersion.daemonActor, uid: Int(getuid()), method: "riskd", now: now, today: today)
        }
    }

    let writer: any DatabaseWriter
    /// Every mutation goes through here, so concurrent writers share commits (see `GroupCommit`).
    let commits: GroupCommit
    /// The file, or `nil` for an in-memory database.
    public let path: String?
    /// The event-loop threads' own read connections (see `lookup`).
    let threadReaders = ThreadReaders()
    /// The appetites, category → highest score tolerated (`appetiteTable()`).
    let appetiteCache = Mutex<[String: Int]>([:])
    /// What mails are written with (`configureMail`); mail is off until the daemon sets it.
    let mailSettings = Mutex(MailSettings())
    /// The append-only triggers of the audit table that were missing or altered when the file was opened, and were
    /// put back (empty when they were in place).
    public let restoredAuditGuards: [String]

    /// Opens (creating when missing, mode 0600) the database at `path` and migrates it.
    ///
    /// - Throws: `FileRefusal`, having changed nothing, when `path` is a symbolic link, not a regular file, another
    ///   user's file, or neither empty nor an SQLite database.
    public init(path: String) throws {
        try PrivateFile.prepareDatabase(path)
        self.path = path
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        // GRDB switches the writer to `synchronous=NORMAL` when it turns WAL on, after `prepareDatabase` ran:
        // a commit would then reach the disk only at the next checkpoint, and a power cut could lose writes
        // already acknowledged. FULL syncs the WAL at every commit. (Readers never write; the writer is one
        // connection, so this holds for its lifetime.)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try Migrations.migrator.migrate(pool)
        try pool.writeWithoutTransaction { db in try Self.stampIdentity(db) }
        // At every open: someone with the file may have dropped them while riskd was stopped.
        restoredAuditGuards = try pool.write { db in try AuditChain.restoreGuards(db) }
        self.writer = pool
        self.commits = GroupCommit(writer: pool)
        try loadAppetites()
    }

    /// A fresh in-memory database, for tests.
    public init(inMemory: Void = ()) throws {
        self.path = nil
        let queue = try DatabaseQueue(configuration: Self.configuration())
        try Migrations.migrator.migrate(queue)
        try queue.writeWithoutTransaction { db in try Self.stampIdentity(db) }
        self.writer = queue
        self.commits = GroupCommit(writer: queue)
        restoredAuditGuards = []
        try loadAppetites()
    }

    /// Marks the file as riskd's in its header: `application_id` "rskd", which a start and a restore check before
    /// anything else, and `user_version` the number of migrations applied, which a restore compares with its own.
    /// Written only when they differ, after the migrations.
    static func stampIdentity(_ db: Database) throws {
        let applicationID = Int64(DatabaseFileHeader.riskdApplicationID)
        if try Int64.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        let applied = try Migrations.migrator.appliedIdentifiers(db).count
        if try Int.fetchOne(db, sql: "PRAGMA user_version") != applied {
            try db.execute(sql: "PRAGMA user_version = \(applied)")
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // Deleted and overwritten content is zeroed in the file, so that an erased declaration's text is gone from
        // the database's bytes, not only from its rows (`StoreTransaction.saveErasure`).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        return configuration
    }

    /// Runs a read bounded by a key or a page limit: on the calling thread's own connection when it has one (an
    /// event loop, in the daemon: see `adoptReaderForCurrentThread`), else through the pool, asynchronously.
    ///
    /// It never blocks a thread waiting for a pooled reader. Never use it for a read that decodes a whole table (the
    /// review snapshot, the audit chain, `integrity_check`): on an event loop that would hold up every connection it
    /// serves. A `COUNT(*)` (`statusCounts`) walks an index without decoding rows, about a millisecond at 100 000.
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
}
