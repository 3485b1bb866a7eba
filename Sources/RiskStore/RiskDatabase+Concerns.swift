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

    /// The upheld concerns of an undeclared interest, by id, with the member and the day they were upheld.
    public func upheldUndeclaredInterests() async throws -> [Concern] {
        try await lookup { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM concern WHERE status = ? AND kind = ? AND about IS NOT NULL ORDER BY id
                    """,
                arguments: [Concern.Status.upheld.rawValue, Concern.Kind.undeclaredInterest.rawValue]
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
