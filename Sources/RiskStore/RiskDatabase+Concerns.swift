import GRDB
import RiskCore

extension RiskDatabase {
    /// Who reads concerns: `user`, and whether they keep the register (an admin or auditor).
    public struct ConcernReader: Sendable, Hashable {
        public var user: String
        public var keepsRegister: Bool

        public init(user: String, keepsRegister: Bool) {
            self.user = user
            self.keepsRegister = keepsRegister
        }
    }

    /// Stores a new concern (from `ConcernRules.raise`) and audits it, its text and whom it is about as keyed
    /// hashes; refused when it would take its author past a budget of `charge`.
    public func raiseConcern(_ concern: Concern, charge: BudgetCharge? = nil, actor: Actor) async throws -> Concern {
        try await write { db in
            try self.admit(db, charge, actor: actor)
            try db.execute(
                sql: """
                    INSERT INTO concern (raised_by, about, kind, text, raised_at, status) VALUES (?, ?, ?, ?, ?, 'open')
                    """,
                arguments: [
                    concern.raisedBy, concern.about, concern.kind.rawValue, concern.text, concern.raisedAt.description,
                ]
            )
            var stored = concern
            stored.id = Int(db.lastInsertedRowID)
            try self.audit(
                db,
                actor,
                subject: "concern:\(stored.id)",
                detail: AuditDetail([
                    "kind": .text(stored.kind.rawValue), "text": .personal(stored.text),
                    "about": stored.about.map(AuditDetail.Field.personal) ?? .null,
                ])
            )
            return stored
        }
    }

    /// Concern `id`, whoever may read it (the caller decides).
    public func concern(id: Int) async throws -> Concern? {
        try await lookup { db in
            try Row.fetchOne(db, sql: "SELECT * FROM concern WHERE id = ?", arguments: [id]).map(Self.concern)
        }
    }

    /// One page of the concerns `reader` may read, by id: never those about them; a board member only their own.
    public func concerns(
        reader: ConcernReader,
        status: Concern.Status?,
        after: Int?,
        limit: Int
    ) async throws -> (concerns: [Concern], next: Int?) {
        try await lookup { db in
            var sql = "SELECT * FROM concern WHERE id > ? AND (about IS NULL OR about <> ?)"
            var arguments: StatementArguments = [after ?? 0, reader.user]
            if !reader.keepsRegister {
                sql += " AND raised_by = ?"
                arguments += [reader.user]
            }
            if let status {
                sql += " AND status = ?"
                arguments += [status.rawValue]
            }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit + 1]
            let found = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.concern)
            guard found.count > limit else { return (found, nil) }
            let page = Array(found.prefix(limit))
            return (page, page.last?.id)
        }
    }

    /// Closes concern `id` by `transform` (`ConcernRules.close`) and audits it, the outcome as a keyed hash.
    public func closeConcern(
        id: Int,
        actor: Actor,
        transform: @escaping @Sendable (Concern) throws -> Concern
    ) async throws -> Concern {
        let mail = currentMailSettings
        return try await write { db in
            guard
                let current = try Row.fetchOne(db, sql: "SELECT * FROM concern WHERE id = ?", arguments: [id]).map(
                    Self.concern
                )
            else { throw DomainError.notFound(.concern, id: id) }
            let closed = try transform(current)
            try db.execute(
                sql: "UPDATE concern SET status = ?, outcome = ?, closed_by = ?, closed_at = ? WHERE id = ?",
                arguments: [closed.status.rawValue, closed.outcome, closed.closedBy, closed.closedAt?.description, id]
            )
            try self.audit(
                db,
                actor,
                subject: "concern:\(id)",
                detail: AuditDetail([
                    "status": .text(closed.status.rawValue), "outcome": .personal(closed.outcome ?? ""),
                ])
            )
            let notice = Notice.concernClosed(user: closed.raisedBy, concern: id, status: closed.status.rawValue)
            try MailOutbox.notify(db, [notice], settings: mail, now: actor.now)
            return closed
        }
    }

    /// The upheld concerns of an undeclared interest, by id, with the member and the day they were upheld.
    public func upheldUndeclaredInterests() async throws -> [Concern] {
        try await lookup { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM concern WHERE status = 'upheld' AND kind = 'undeclared_interest' AND about IS NOT NULL
                    ORDER BY id
                    """
            ).map(Self.concern)
        }
    }

    static func concern(_ row: Row) throws -> Concern {
        let id: Int = row["id"]
        guard let kind = Concern.Kind(rawValue: row["kind"]), let status = Concern.Status(rawValue: row["status"]),
            let raisedAt = Instant(rfc3339: row["raised_at"])
        else { throw StoreError.corrupt("concern \(id)") }
        return Concern(
            id: id,
            raisedBy: row["raised_by"],
            about: row["about"],
            kind: kind,
            text: row["text"],
            raisedAt: raisedAt,
            status: status,
            outcome: row["outcome"],
            closedBy: row["closed_by"],
            closedAt: (row["closed_at"] as String?).flatMap { Instant(rfc3339: $0) }
        )
    }
}
