import GRDB
import RiskCore

/// A `member` row: when riskd first and last saw a board-role holder or declarant.
struct MemberRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "member"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var user: String
    var uid: Int
    var firstSeenAt: String
    var lastSeenAt: String

    /// Records that `user` was seen at `at`: a first sighting inserts the row, a later one moves `lastSeenAt` on
    /// (and follows a changed uid).
    static func note(_ db: Database, user: String, uid: Int, at: String) throws {
        try db.execute(
            sql: """
                INSERT INTO member(user, uid, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(user) DO UPDATE SET uid = excluded.uid, last_seen_at = excluded.last_seen_at
                """,
            arguments: [user, uid, at, at]
        )
    }

    /// A member from a row of `RiskDatabase.members`' queries: `user`, `uid`, `first_seen_at`, `last_seen_at`,
    /// `last_confirmed_at`, `acknowledged_version`, `active_interests`, `open_findings`, `contact` and `name`.
    static func member(_ row: Row) throws(StoreError) -> Member {
        let user: String = row["user"]
        guard let firstSeenAt = Instant(rfc3339: row["first_seen_at"]),
            let lastSeenAt = Instant(rfc3339: row["last_seen_at"])
        else { throw .corrupt("member \(user)") }
        return Member(
            user: user,
            uid: row["uid"],
            firstSeenAt: firstSeenAt,
            lastSeenAt: lastSeenAt,
            lastConfirmedAt: (row["last_confirmed_at"] as String?).flatMap { Instant(rfc3339: $0) },
            acknowledgedVersion: row["acknowledged_version"],
            activeInterests: row["active_interests"],
            openFindings: row["open_findings"],
            contact: row["contact"],
            name: row["name"]
        )
    }
}
