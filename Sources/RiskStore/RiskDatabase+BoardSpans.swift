import GRDB
import RiskCore

/// Who held the board role when, as riskd saw it: `board_span` keeps, for each stretch of time a member held the
/// role, when riskd first saw them hold it, when it last did, and when it first saw them without it.
///
/// riskd sees the board when it starts (the review it runs then), at every review, at every call of the board role
/// and whenever it lists the board for a document or `member.List`. What it cannot see is a change between two
/// sightings: a member who left and came back between them reads as never having left, and one who left counts as
/// holding the role until riskd first saw them without it (`gone_at`), since that is the first time it knew.
extension RiskDatabase {
    /// Records what riskd sees of the board at `at`: `board` holds the role, no one else does. Opens a span for a
    /// holder without one, moves on the last sighting of an open span (at most once a day), and closes the span of
    /// anyone no longer holding the role. Writes nothing when nothing changed.
    public func observeBoard(_ board: [BoardAccount], at: Instant) async throws {
        let day = at.utcDate.description
        let holders = Dictionary(board.map { ($0.user, $0) }, uniquingKeysWith: { first, _ in first })
        let open = try await writer.read { db in try Self.openSpans(db) }
        let stale = open.contains { user, lastSeen in holders[user] == nil || !lastSeen.hasPrefix(day) }
        guard stale || holders.keys.contains(where: { open[$0] == nil }) else { return }
        try await write { db in try Self.observe(db, board, at: at) }
    }

    /// `observeBoard` in `db`, whatever changed.
    static func observe(_ db: Database, _ board: [BoardAccount], at: Instant) throws {
        let holders = Set(board.map(\.user))
        for (user, _) in try openSpans(db) where !holders.contains(user) {
            try db.execute(
                sql: "UPDATE board_span SET gone_at = ? WHERE user = ? AND gone_at IS NULL",
                arguments: [at.description, user]
            )
        }
        for account in board { try noteOnBoard(db, account, at: at) }
    }

    /// Records that `user` was seen without the board role at `at` (their call carried no board role): closes
    /// their open span, if any.
    public func noteOffBoard(user: String, at: Instant) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE board_span SET gone_at = ? WHERE user = ? AND gone_at IS NULL",
                arguments: [at.description, user]
            )
        }
    }

    /// Opens `account`'s span at `at`, or moves its last sighting on.
    static func noteOnBoard(_ db: Database, _ account: BoardAccount, at: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO board_span (user, uid, from_at, last_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user) WHERE gone_at IS NULL DO UPDATE SET last_seen_at = excluded.last_seen_at,
                    uid = excluded.uid
                """,
            arguments: [account.user, account.uid, at.description, at.description]
        )
    }

    /// The members whose span was open, by user, with their last sighting.
    private static func openSpans(_ db: Database) throws -> [String: String] {
        var open: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT user, last_seen_at FROM board_span WHERE gone_at IS NULL") {
            open[row["user"]] = row["last_seen_at"]
        }
        return open
    }

    /// The members who held the board role at `at` as riskd saw it: a span from before `at` not closed by then.
    static func boardAsOf(_ db: Database, at: String) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT user FROM board_span WHERE from_at <= ?1 AND (gone_at IS NULL OR gone_at > ?1)
                    """,
                arguments: [at]
            )
        )
    }
}
