import GRDB
import RiskCore

/// Members' public keys and names as rows, as `org.riskd.member`'s stories fetch and save them.
extension StoreTransaction {
    /// The keys registered to `user` and not removed, oldest first.
    public func keys(of user: String) throws -> [MemberKey] {
        try RiskDatabase.keys(db, user: user)
    }

    /// The member the key `fingerprint` is registered to (and not removed), if any.
    public func keyHolder(_ fingerprint: String) throws -> String? {
        try String.fetchOne(
            db,
            sql: "SELECT user FROM member_key WHERE fingerprint = ? AND removed_at IS NULL",
            arguments: [fingerprint]
        )
    }

    /// Registers `key`.
    public func insert(_ key: MemberKey) throws {
        try db.execute(
            sql: """
                INSERT INTO member_key(user, fingerprint, public_key, added_at, added_by) VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [key.user, key.fingerprint, key.publicKey, key.addedAt.description, key.addedBy]
        )
    }

    /// Marks `user`'s key `fingerprint` removed by the actor, now; the row stays, so what the key signed still
    /// verifies.
    public func markRemoved(key fingerprint: String, of user: String) throws {
        try db.execute(
            sql: """
                UPDATE member_key SET removed_at = ?, removed_by = ?
                WHERE user = ? AND fingerprint = ? AND removed_at IS NULL
                """,
            arguments: [actor.now.description, actor.user, user, fingerprint]
        )
    }

    /// Sets the name documents give member `user`, and keeps it in `member_name_version` too, so that a document
    /// made for an earlier time shows the name of that time; false, changing nothing, when riskd has no member
    /// `user`.
    public func setName(of user: String, to name: String) throws -> Bool {
        try db.execute(sql: "UPDATE member SET name = ? WHERE user = ?", arguments: [name, user])
        guard db.changesCount > 0 else { return false }
        try RiskDatabase.recordSetName(db, user: user, name: name, at: actor.now)
        return true
    }
}
