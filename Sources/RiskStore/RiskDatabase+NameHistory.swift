import GRDB
import RiskCore

/// The names documents gave members, from when: a name set with `member.SetName` from the time it was set, and the
/// account's full name (GECOS) from the time riskd first read it for a document (`member_name_version`).
///
/// What it cannot know: an account's full name riskd never read. A document made for a time before riskd first read
/// a member's account name shows the earliest name it read, so that the document reads the same when it is made
/// again after the account's name changed.
extension RiskDatabase {
    /// A name documents gave a member from a time on.
    public struct NameVersion: Sendable, Hashable {
        /// Where a name came from.
        public enum Source: String, Sendable {
            /// Set with `member.SetName`.
            case set
            /// The account's full name, as riskd read it for a document.
            case account
        }

        /// From when.
        public var at: Instant
        /// Where it came from.
        public var source: Source
        /// The name; nil for an account that had none.
        public var name: String?
    }

    /// Every name recorded for `user`, oldest first (for their export).
    static func nameVersions(_ db: Database, of user: String) throws -> [NameVersion] {
        try Row.fetchAll(
            db,
            sql: "SELECT at, source, name FROM member_name_version WHERE user = ? ORDER BY at, version",
            arguments: [user]
        ).compactMap { row in
            guard let at = Instant(rfc3339: row["at"]), let source = NameVersion.Source(rawValue: row["source"]) else {
                return nil
            }
            return NameVersion(at: at, source: source, name: row["name"])
        }
    }

    /// Records the account names riskd reads now (`name` nil: the account has none) for `users`, each only when it
    /// differs from the last it recorded. Writes nothing when none changed.
    public func recordAccountNames(_ names: [String: String?], at: Instant) async throws {
        let changed = try await writer.read { db in try Self.changedAccountNames(db, names) }
        guard !changed.isEmpty else { return }
        try await write { db in
            for (user, name) in try Self.changedAccountNames(db, changed) {
                try db.execute(
                    sql: "INSERT INTO member_name_version (user, at, source, name) VALUES (?, ?, 'account', ?)",
                    arguments: [user, at.description, name]
                )
            }
        }
    }

    /// The names documents give `users` at `asOf`, by login: the name set by then, else the account name recorded
    /// last by then (or the earliest recorded, for a time before the first); logins with neither are left out.
    public func memberNames(of users: some Sequence<String>, asOf: Instant) async throws -> [String: String] {
        let users = Array(Set(users))
        return try await writer.read { db in
            var names: [String: String] = [:]
            for user in users {
                let set = try Self.name(db, of: user, source: "set", asOf: asOf.description)
                if let set = set ?? nil {
                    names[user] = set
                    continue
                }
                let account =
                    try Self.name(db, of: user, source: "account", asOf: asOf.description)
                    ?? Self.name(db, of: user, source: "account", asOf: nil)
                if let account = account ?? nil { names[user] = account }
            }
            return names
        }
    }

    /// Records in `db` that `name` was set for `user` at `at` (`setName` does, in its transaction).
    static func recordSetName(_ db: Database, user: String, name: String, at: Instant) throws {
        try db.execute(
            sql: "INSERT INTO member_name_version (user, at, source, name) VALUES (?, ?, 'set', ?)",
            arguments: [user, at.description, name]
        )
    }

    /// The last name of `source` recorded for `user` at or before `asOf` (with `asOf` nil, the earliest): nil when
    /// none was, `.some(nil)` when the one recorded is no name.
    private static func name(_ db: Database, of user: String, source: String, asOf: String?) throws -> String?? {
        let row =
            if let asOf {
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT name FROM member_name_version WHERE user = ? AND source = ? AND at <= ?
                        ORDER BY at DESC, version DESC LIMIT 1
                        """,
                    arguments: [user, source, asOf]
                )
            } else {
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT name FROM member_name_version WHERE user = ? AND source = ?
                        ORDER BY at, version LIMIT 1
                        """,
                    arguments: [user, source]
                )
            }
        guard let row else { return nil }
        return .some(row["name"])
    }

    /// The entries of `names` that differ from the last account name recorded for their user.
    private static func changedAccountNames(_ db: Database, _ names: [String: String?]) throws -> [String: String?] {
        var changed: [String: String?] = [:]
        for (user, name) in names {
            let last = try Row.fetchOne(
                db,
                sql: """
                    SELECT name FROM member_name_version WHERE user = ? AND source = 'account'
                    ORDER BY at DESC, version DESC LIMIT 1
                    """,
                arguments: [user]
            )
            if let last, (last["name"] as String?) == name { continue }
            changed[user] = name
        }
        return changed
    }
}
