import GRDB
import RiskCore

extension RiskDatabase {
    /// What the rules need of every member: when they were first seen, last confirmed, and which code versions
    /// they acknowledged; `isOnBoard` says who holds the board role now.
    static func memberFacts(_ db: Database, isOnBoard: (String, UInt32) -> Bool) throws -> [MemberFacts] {
        let (lastConfirmed, lastSigned) = try latestConfirmations(db, upTo: nil)
        var acknowledged: [String: Set<Int>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT user, version FROM acknowledgement") {
            acknowledged[row["user"], default: []].insert(row["version"])
        }
        let members = try Row.fetchAll(db, sql: "SELECT user, uid, first_seen_at FROM member ORDER BY user")
            .compactMap { row -> MemberFacts? in
                let user: String = row["user"]
                guard let first = Instant(rfc3339: row["first_seen_at"]) else { return nil }
                let uid: Int = row["uid"]
                return MemberFacts(
                    user: user,
                    onBoard: isOnBoard(user, UInt32(clamping: uid)),
                    firstSeenOn: first.utcDate,
                    lastConfirmedOn: lastConfirmed[user],
                    acknowledgedVersions: acknowledged[user] ?? [],
                    lastConfirmationSigned: lastSigned.contains(user)
                )
            }
        return members
    }

    /// Each member's latest confirmation at or before `at` (every one when nil), as its day, and the members whose
    /// latest one is signed: an attestation was recorded with it (same member, same instant).
    static func latestConfirmations(
        _ db: Database,
        upTo at: String?
    ) throws -> (
        days: [String: CalendarDate], signed: Set<String>
    ) {
        let until = at.map { _ in "AND at <= ?" } ?? ""
        let arguments: StatementArguments = at.map { [$0] } ?? []
        var attested: Set<[String]> = []
        for row in try Row.fetchAll(
            db,
            sql: "SELECT user, at FROM attestation WHERE kind = 'interest_confirmation' \(until)",
            arguments: arguments
        ) {
            attested.insert([row["user"], row["at"]])
        }
        var days: [String: CalendarDate] = [:]
        var signed: Set<String> = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT declarant, MAX(confirmed_at) AS last FROM confirmation
                WHERE \(at == nil ? "1" : "confirmed_at <= ?") GROUP BY declarant
                """,
            arguments: arguments
        ) {
            if let last = Instant(rfc3339: row["last"]) { days[row["declarant"]] = last.utcDate }
            if attested.contains([row["declarant"], row["last"]]) { signed.insert(row["declarant"]) }
        }
        return (days, signed)
    }
}
