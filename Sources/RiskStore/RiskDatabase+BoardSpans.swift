import GRDB
import RiskCore

/// Who held the board role when, as riskd saw it: `board_span` keeps, for each stretch of time a member held the
/// role, when riskd first saw them hold it, when it last did, and when it first saw them without it; `role_span`
/// does the same for the other roles of the board's members (`RoleSpans`, which also audits each opening and
/// closing).
///
/// riskd sees the board when it starts (the review it runs then), at every review, at every call of the board role
/// and whenever it lists the board for a document or `member.List`. What it cannot see is a change between two
/// sightings: a member who left and came back between them reads as never having left, and one who left counts as
/// holding the role until riskd first saw them without it (`gone_at`), since that is the first time it knew.
extension RiskDatabase {
    /// Records what riskd sees of the board at `at`: `board` holds the role, no one else does; an account whose
    /// `roles` were looked at holds those and no other. Opens a span for a holder without one, moves on the last
    /// sighting of an open span (at most once a day), and closes the span of anyone no longer holding the role.
    /// Writes nothing when nothing changed.
    public func observeBoard(_ board: [BoardAccount], at: Instant) async throws {
        let open = try await writer.read { db in try RoleSpans.open(db) }
        guard Self.changes(open, board, day: at.utcDate.description) else { return }
        try await write { db in try Self.observe(db, board, at: at) }
    }

    /// `observeBoard` in `db`, whatever changed.
    static func observe(_ db: Database, _ board: [BoardAccount], at: Instant) throws {
        let holders = Set(board.map(\.user))
        // In user order, so that the same sighting makes the same entries in the same order.
        for (user, roles) in try RoleSpans.open(db).sorted(by: { $0.key < $1.key })
        where roles[.board] != nil && !holders.contains(user) {
            try RoleSpans.release(db, .board, user: user, at: at)
        }
        for account in board { try noteOnBoard(db, account, at: at) }
    }

    /// Records that `user` (uid `uid`) was seen without the board role at `at` (their call carried no board role),
    /// holding `roles` (nil: not looked at): closes their open span, if any.
    public func noteOffBoard(user: String, uid: Int, roles: Set<Role>? = nil, at: Instant) async throws {
        try await write { db in
            if let roles {
                try RoleSpans.observe(db, user: user, uid: uid, roles: roles.subtracting([.board]), at: at)
            } else {
                try RoleSpans.release(db, .board, user: user, at: at)
            }
        }
    }

    /// Opens `account`'s span at `at`, or moves its last sighting on; the same for its other roles, when they were
    /// looked at.
    static func noteOnBoard(_ db: Database, _ account: BoardAccount, at: Instant) throws {
        if let roles = account.roles {
            try RoleSpans.observe(db, user: account.user, uid: account.uid, roles: roles.union([.board]), at: at)
        } else {
            try RoleSpans.hold(db, .board, user: account.user, uid: account.uid, at: at)
        }
    }

    /// Whether observing `board` on `day` changes anything of the spans `open` (`RoleSpans.open`): a span to open or
    /// close, or a last sighting from before `day`.
    static func changes(_ open: [String: [Role: String]], _ board: [BoardAccount], day: String) -> Bool {
        let holders = Set(board.map(\.user))
        if open.contains(where: { user, roles in roles[.board] != nil && !holders.contains(user) }) { return true }
        return board.contains { account in
            let spans = open[account.user] ?? [:]
            let held = (account.roles ?? []).union([.board])
            let looked = account.roles == nil ? [.board] : Role.allCases
            return looked.contains { role in
                guard held.contains(role) else { return spans[role] != nil }
                return spans[role].map { !$0.hasPrefix(day) } ?? true
            }
        }
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
