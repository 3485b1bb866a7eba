import GRDB
import RiskCore

/// Declarations of interest as rows, with their history (`interest_version`), as `org.riskd.interest`'s stories
/// (and the meeting's, for a declaration made at it) fetch and save them.
extension StoreTransaction {
    /// Declaration `id`, whoever may see it (the story decides); `NotFound` when there is none.
    public func interest(_ id: Int) throws -> Interest {
        guard let interest = try InterestRow.fetchOne(db, key: id)?.domain() else {
            throw DomainError.notFound(.interest, id: id)
        }
        return interest
    }

    /// How many declarations `declarant` has on record, ended and erased ones included.
    public func declarationCount(of declarant: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interest WHERE declarant = ?", arguments: [declarant]) ?? 0
    }

    /// The ids of `declarant`'s declarations active on `today`, in id order.
    public func activeInterestIds(of declarant: String, on today: CalendarDate) throws -> [Int] {
        try Int.fetchAll(
            db,
            sql: "SELECT id FROM interest WHERE declarant = ? AND \(RiskDatabase.activeClause) ORDER BY id",
            arguments: [declarant, today.description]
        )
    }

    /// The id of the registry's organisation whose name or an alias normalises to `normalised`; `nil`: none.
    public func organisationId(named normalised: String) throws -> Int? {
        try RiskDatabase.organisationId(db, named: normalised)
    }

    /// Stores a new declaration; returns it with its id. Its version is recorded too.
    public func insert(_ interest: Interest) throws -> Interest {
        var row = InterestRow(interest)
        try row.insert(db)
        let stored = try row.domain()
        try VersionLog.record(db, .interest, id: stored.id, actor: actor.user, at: actor.now)
        return stored
    }

    /// Saves a changed declaration; its version is recorded too.
    public func save(_ interest: Interest) throws {
        try InterestRow(interest).update(db)
        try VersionLog.record(db, .interest, id: interest.id, actor: actor.user, at: actor.now)
    }

    /// Saves a declaration whose personal text was erased, erasing it in every version of its history too (an
    /// erased declaration is erased in every document made for a past time).
    public func saveErasure(of interest: Interest) throws {
        try InterestRow(interest).update(db)
        try VersionLog.eraseInterest(db, id: interest.id)
        try VersionLog.record(db, .interest, id: interest.id, actor: actor.user, at: actor.now)
    }

    /// The declarations that ended before `cutoff` and are not erased yet, by id.
    public func interestsEnded(before cutoff: CalendarDate) throws -> [Interest] {
        try InterestRow.fetchAll(
            db,
            sql: "SELECT * FROM interest WHERE erased = 0 AND ended_on IS NOT NULL AND ended_on < ? ORDER BY id",
            arguments: [cutoff.description]
        ).map { row throws(StoreError) in try row.domain() }
    }

    /// Records `user` (account `uid`) as a member, seen now.
    public func noteMember(_ user: String, uid: Int) throws {
        try MemberRow.note(db, user: user, uid: uid, at: actor.now.description)
    }

    /// Records that `declarant` confirmed their register now.
    public func insertConfirmation(_ confirmation: Confirmation) throws {
        try db.execute(
            sql: "INSERT INTO confirmation(declarant, confirmed_at, nothing_to_declare) VALUES (?, ?, ?)",
            arguments: [
                confirmation.declarant, confirmation.confirmedAt.description, confirmation.nothingToDeclare,
            ]
        )
    }
}
