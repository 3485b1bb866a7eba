import GRDB

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
}
