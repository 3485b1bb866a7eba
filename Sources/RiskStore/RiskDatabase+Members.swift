import GRDB
import RiskCore

extension RiskDatabase {
    /// A user holding the board role now, as resolved through NSS.
    public struct BoardAccount: Sendable, Hashable {
        /// The login name.
        public var user: String
        /// The uid.
        public var uid: Int
        /// Every role the account holds now, when they were looked at (`role_span`); nil when not.
        public var roles: Set<Role>?

        /// An account from its fields.
        public init(user: String, uid: Int, roles: Set<Role>? = nil) {
            self.user = user
            self.uid = uid
            self.roles = roles
        }
    }

    /// Records that `user` (uid `uid`) was seen as a member holding the board role at `at`, with `roles` when they
    /// were looked at: the first time inserts them, later times move their last sighting on (of the member and of
    /// their spans). Only a span opened or closed is audited (`RoleSpans`): this is an observation, not a change
    /// anyone made.
    public func noteMember(user: String, uid: Int, roles: Set<Role>? = nil, at: Instant) async throws {
        try await write { db in
            try MemberRow.note(db, user: user, uid: uid, at: at.description)
            try Self.noteOnBoard(db, BoardAccount(user: user, uid: uid, roles: roles), at: at)
        }
    }

    /// Whether riskd has ever seen `user` as a member (a board member, now or before).
    public func isKnownMember(_ user: String) async throws -> Bool {
        try await lookup { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member WHERE user = ?)", arguments: [user])
                ?? false
        }
    }

    /// The members — the holders of the board role now (`board`), the one definition of a member that ethics
    /// status and the review share — by user name, with where they stand on `today`. A past declarant who left the
    /// board is no longer a member; their declarations stay in the register.
    /// Board holders riskd had not seen before are recorded as first seen
    /// `now`, so that their first confirmation falls due from then.
    ///
    /// - Parameter only: just this user, when they are a member.
    public func members(
        board: [BoardAccount],
        only: String? = nil,
        now: Instant,
        today: CalendarDate
    )
        async throws -> [Member]
    {
        try await write { db in
            try Self.enrol(db, board.filter { only == nil || $0.user == only }, at: now)
            try Self.observe(db, board, at: now)
            let names = board.map(\.user)
            var arguments: StatementArguments = [today.description]
            arguments += StatementArguments(names)
            var sql = """
                SELECT m.user, m.uid, m.first_seen_at, m.last_seen_at,
                    (SELECT MAX(confirmed_at) FROM confirmation c WHERE c.declarant = m.user) AS last_confirmed_at,
                    (SELECT MAX(version) FROM acknowledgement a WHERE a.user = m.user) AS acknowledged_version,
                    (SELECT COUNT(*) FROM interest i WHERE i.declarant = m.user
                        AND (i.ended_on IS NULL OR i.ended_on >= ?1)) AS active_interests,
                    \(try Self.openFindingsColumn(db)) AS open_findings,
                    (SELECT email FROM contact k WHERE k.user = m.user) AS contact,
                    m.name
                FROM member m
                WHERE m.user IN (\(names.map { _ in "?" }.joined(separator: ",")))
                """
            if let only {
                sql += " AND m.user = ?"
                arguments += [only]
            }
            sql += " ORDER BY m.user"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(MemberRow.member)
        }
    }

    /// The names set with `member.SetName`, by login.
    public func memberNames() async throws -> [String: String] {
        try await lookup { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT user, name FROM member WHERE name IS NOT NULL") {
                names[row["user"]] = row["name"]
            }
            return names
        }
    }

    /// Records board holders riskd had not seen before as first seen `at` (the review does this before each run,
    /// so a new member's first confirmation falls due from when the board role was first noticed), and that they
    /// hold the board role at `at` (`board_span`); says nothing of anyone else.
    public func enrol(_ board: [BoardAccount], at: Instant) async throws {
        try await write { db in try Self.enrol(db, board, at: at) }
    }

    private static func enrol(_ db: Database, _ board: [BoardAccount], at: Instant) throws {
        let seen = at.description
        for account in board {
            try db.execute(
                sql: """
                    INSERT INTO member(user, uid, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user) DO NOTHING
                    """,
                arguments: [account.user, account.uid, seen, seen]
            )
            try noteOnBoard(db, account, at: at)
        }
    }

    /// The SQL that counts the open findings about member `m.user`, or `0` while the schema has no findings yet
    /// (they come with the scheduled review).
    private static func openFindingsColumn(_ db: Database) throws -> String {
        guard try db.tableExists("finding") else { return "0" }
        let columns = Set(try db.columns(in: "finding").map(\.name))
        guard columns.contains("subject"), columns.contains("resolved_at") else { return "0" }
        return "(SELECT COUNT(*) FROM finding f WHERE f.subject = 'member:' || m.user AND f.resolved_at IS NULL)"
    }
}
