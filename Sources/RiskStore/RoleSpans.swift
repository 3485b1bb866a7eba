import Foundation
import GRDB
import RiskCore

/// The stretches of time in which riskd saw a member hold a role, one place for both tables: `board_span` for the
/// board role, `role_span` for the others (admin, auditor, mailer), which riskd looks at for members of the board
/// and for the callers among them.
///
/// A span opens when riskd first sees the member hold the role and closes when it first sees them without it. Each
/// opening and closing is an audit entry by riskd under `member:<user>` (`MemberAudit.roleSeen`): a past document's
/// board, and the roles `member.List` gives for a past time, change only with them, so an auditor can trace every
/// board a document shows to the chain. Moving a span's last sighting on is no entry: it changes no document.
enum RoleSpans {
    /// Opens `user`'s span of `role` at `at`, or moves the last sighting of their open one on (and follows a
    /// changed uid). An opening is audited.
    static func hold(_ db: Database, _ role: Role, user: String, uid: Int, at: Instant) throws {
        let table = Table(role)
        var arguments: StatementArguments = [at.description, uid, user]
        arguments += table.roleArgument
        try db.execute(
            sql: """
                UPDATE \(table.name) SET last_seen_at = ?, uid = ?
                WHERE user = ? AND gone_at IS NULL\(table.roleFilter)
                """,
            arguments: arguments
        )
        guard db.changesCount == 0 else { return }
        arguments = [user, uid, at.description, at.description]
        arguments += table.roleArgument
        // A span that opened and closed at this very instant opens again rather than clash with its key.
        try db.execute(
            sql: """
                INSERT INTO \(table.name) (user, uid, from_at, last_seen_at\(table.roleColumn))
                VALUES (?, ?, ?, ?\(table.roleValue))
                ON CONFLICT \(table.key) DO UPDATE SET gone_at = NULL, last_seen_at = excluded.last_seen_at,
                    uid = excluded.uid
                """,
            arguments: arguments
        )
        try audit(db, role, user: user, holding: true, at: at)
    }

    /// Closes `user`'s open span of `role` at `at`, if there is one; the closing is audited.
    static func release(_ db: Database, _ role: Role, user: String, at: Instant) throws {
        let table = Table(role)
        var arguments: StatementArguments = [at.description, user]
        arguments += table.roleArgument
        try db.execute(
            sql: "UPDATE \(table.name) SET gone_at = ? WHERE user = ? AND gone_at IS NULL\(table.roleFilter)",
            arguments: arguments
        )
        guard db.changesCount > 0 else { return }
        try audit(db, role, user: user, holding: false, at: at)
    }

    /// Records what riskd sees of `user` at `at`: they hold `roles` (the board role included or not) and no other.
    static func observe(_ db: Database, user: String, uid: Int, roles: Set<Role>, at: Instant) throws {
        for role in Role.allCases {
            if roles.contains(role) {
                try hold(db, role, user: user, uid: uid, at: at)
            } else {
                try release(db, role, user: user, at: at)
            }
        }
    }

    /// The open spans: for each user with one, each role's last sighting.
    static func open(_ db: Database) throws -> [String: [Role: String]] {
        var open: [String: [Role: String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT user, 'board' AS role, last_seen_at FROM board_span WHERE gone_at IS NULL
                UNION ALL
                SELECT user, role, last_seen_at FROM role_span WHERE gone_at IS NULL
                """
        ) {
            guard let role = Role(rawValue: row["role"]) else { continue }
            open[row["user"], default: [:]][role] = row["last_seen_at"]
        }
        return open
    }

    /// The roles other than the board's that `users` held at `at` as riskd saw them, by user (those with none are
    /// left out).
    static func held(_ db: Database, by users: [String], at: String) throws -> [String: Set<Role>] {
        var held: [String: Set<Role>] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT user, role FROM role_span
                WHERE user IN (SELECT value FROM json_each(?)) AND from_at <= ? AND (gone_at IS NULL OR gone_at > ?)
                """,
            arguments: [String(decoding: try JSONEncoder().encode(users), as: UTF8.self), at, at]
        ) {
            guard let role = Role(rawValue: row["role"]) else { continue }
            held[row["user"], default: []].insert(role)
        }
        return held
    }

    /// Every span of `user`, of every role, by when it opened.
    static func spans(_ db: Database, of user: String) throws -> [RiskDatabase.RoleSpan] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT 'board' AS role, from_at, last_seen_at, gone_at FROM board_span WHERE user = ?1
                UNION ALL
                SELECT role, from_at, last_seen_at, gone_at FROM role_span WHERE user = ?1
                ORDER BY from_at, role
                """,
            arguments: [user]
        ).compactMap { row in
            guard let role = Role(rawValue: row["role"]), let from = Instant(rfc3339: row["from_at"]),
                let lastSeen = Instant(rfc3339: row["last_seen_at"])
            else { return nil }
            return RiskDatabase.RoleSpan(
                role: role,
                from: from,
                lastSeen: lastSeen,
                gone: (row["gone_at"] as String?).flatMap { Instant(rfc3339: $0) }
            )
        }
    }

    /// The audit entry of a span opened (`holding`) or closed: riskd's own, at the sighting.
    private static func audit(_ db: Database, _ role: Role, user: String, holding: Bool, at: Instant) throws {
        try RiskDatabase.audit(
            db,
            .daemon(now: at, today: at.utcDate),
            subject: MemberAudit.subject(user),
            detail: MemberAudit.roleSeen(role, holding: holding)
        )
    }

    /// Where the spans of a role are kept: `board_span` has no role column, `role_span` one.
    private struct Table {
        let name: String
        let key: String
        let roleFilter: String
        let roleColumn: String
        let roleValue: String
        let roleArgument: StatementArguments

        init(_ role: Role) {
            if role == .board {
                (name, key, roleFilter, roleColumn, roleValue) = ("board_span", "(user, from_at)", "", "", "")
                roleArgument = []
            } else {
                (name, key, roleFilter) = ("role_span", "(user, role, from_at)", " AND role = ?")
                (roleColumn, roleValue) = (", role", ", ?")
                roleArgument = [role.rawValue]
            }
        }
    }
}
