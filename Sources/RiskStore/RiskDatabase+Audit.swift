import Foundation
import GRDB
import RiskCore

extension RiskDatabase {
    /// Audit entries, oldest first, optionally for one subject (`risk:4`), after `after`.
    ///
    /// A page ends after `limit` entries, or earlier once they would take more than `budget` bytes in a reply (an
    /// entry's detail can hold a conflict check's matter and names); it always holds one entry when any is left.
    public func auditLog(
        subject: String?,
        after: Int?,
        limit: Int,
        budget: Int = ReplySize.pageBytes,
        reader: SubjectReader? = nil
    ) async throws
        -> (entries: [AuditEntry], next: Int?)
    {
        try await lookup { db in
            // Never an entry about a record the reader may not read (a concern about them): not even its seq.
            var sql =
                "SELECT * FROM audit WHERE seq > ? AND (subject IS NULL OR subject NOT IN (SELECT value FROM json_each(?)))"
            var arguments: StatementArguments = [after ?? 0, try Self.hiddenSubjectsArgument(db, from: reader)]
            if let subject {
                sql += " AND subject = ?"
                arguments += [subject]
            }
            sql += " ORDER BY seq LIMIT ?"
            arguments += [limit + 1]
            // A cursor, so that a page cut short by its byte budget reads no further rows.
            let rows = try AuditEntry.fetchCursor(db, sql: sql, arguments: arguments)
            var page: [AuditEntry] = []
            var bytes = ReplySize.Page(budget: budget)
            while let entry = try rows.next() {
                guard page.count < limit, bytes.take(Self.replyBytes(of: entry)) else {
                    return (page, page.last?.seq)
                }
                page.append(entry)
            }
            return (page, nil)
        }
    }

    /// An upper bound on the bytes `entry` takes in a reply.
    package static func replyBytes(of entry: AuditEntry) -> Int {
        160 + ReplySize.of(entry.at) + ReplySize.of(entry.actor) + ReplySize.of(entry.method)
            + (entry.subject.map(ReplySize.of) ?? 0) + ReplySize.of(entry.detail) + ReplySize.of(entry.hash)
    }

    /// The newest audit entry's sequence number and hash (the chain head written to the journal after each run).
    public func auditHead() async throws -> (seq: Int, hash: String) {
        let head = try await currentAuditHead()
        return (head.seq ?? 0, head.hash)
    }

    /// The newest audit entry as an anchor; seq 0 and 64 zeros for an empty chain.
    public func currentAuditHead() async throws -> AuditAnchor {
        try await lookup { db in try Self.auditHead(db) }
    }

    /// `currentAuditHead`, read on the writer's connection and blocking the calling thread until the write under way
    /// (if any) is done: for start and shutdown, outside any call. Never from a method body (docs/concurrency.md).
    public func currentAuditHeadBlocking() throws -> AuditAnchor {
        try writer.writeWithoutTransaction { db in try Self.auditHead(db) }
    }

    private static func auditHead(_ db: Database) throws -> AuditAnchor {
        let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return AuditAnchor(seq: row?["seq"] ?? 0, hash: row?["hash"] ?? AuditChain.genesis)
    }

    /// Recomputes the audit chain; with `anchor`, it is ok only if it still holds that entry too.
    public func verifyAudit(against anchor: AuditAnchor? = nil) async throws -> AuditVerification {
        try await writer.read { db in try AuditChain.verify(db, anchor: anchor) }
    }

    /// Whether the chain still holds `anchor` (the entry at its seq has its hash), without recomputing anything:
    /// the check riskd makes at start. Blocks, on the writer's connection, like `currentAuditHeadBlocking`.
    public func auditChainHolds(_ anchor: AuditAnchor) throws -> Bool {
        if anchor.hash == AuditChain.genesis { return true }
        return try writer.writeWithoutTransaction { db in
            if let seq = anchor.seq {
                return try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [seq])
                    == anchor.hash
            }
            return try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE hash = ?)",
                arguments: [anchor.hash]
            ) ?? false
        }
    }

    /// The head last recorded beside the database file; `nil` for an in-memory database or when none was recorded.
    ///
    /// - Throws: `FileRefusal` when the file is there but is not riskd's or holds no head.
    public func recordedAuditHead() throws -> AuditAnchor? {
        guard let path else { return nil }
        return try AuditHeadFile(databasePath: path).read()
    }

    /// Where the head is recorded, or `nil` for an in-memory database.
    public var auditHeadPath: String? {
        path.map { AuditHeadFile(databasePath: $0).path }
    }

    /// Records the current head beside the database file (nothing for an in-memory database) and returns it.
    @discardableResult
    public func recordAuditHead() async throws -> AuditAnchor {
        let head = try await currentAuditHead()
        if let path { try AuditHeadFile(databasePath: path).record(head) }
        return head
    }

    /// `recordAuditHead`, blocking: for start and shutdown (see `currentAuditHeadBlocking`).
    @discardableResult
    public func recordAuditHeadBlocking() throws -> AuditAnchor {
        let head = try currentAuditHeadBlocking()
        if let path { try AuditHeadFile(databasePath: path).record(head) }
        return head
    }

    /// Appends an audit entry made by riskd itself rather than by a call (at start), and records the new head.
    @discardableResult
    public func auditDaemonAction(_ actor: Actor, subject: String?, detail: AuditDetail) throws -> AuditAnchor {
        let entry = try writer.write { db in try Self.audit(db, actor, subject: subject, detail: detail) }
        let head = AuditAnchor(seq: entry.seq, hash: entry.hash)
        if let path { try AuditHeadFile(databasePath: path).record(head) }
        return head
    }

    /// The SHA-256 of `text`'s UTF-8, as lowercase hex: how a digest is kept (an ethical code's own hash).
    public static func sha256Hex(_ text: String) -> String {
        AuditChain.hex(sha256: text)
    }

    /// Records an audit entry for a change made in `db` by `actor`: the one place an actor becomes an entry's
    /// `at`, `actor`, `uid` and `method` (a service's `StoreTransaction.audit`, riskd's own entries).
    @discardableResult
    static func audit(_ db: Database, _ actor: Actor, subject: String?, detail: AuditDetail) throws -> AuditEntry {
        try AuditChain.append(
            db,
            at: actor.now.description,
            actor: actor.user,
            uid: actor.uid,
            method: actor.method,
            subject: subject,
            detail: detail
        )
    }
}
