import GRDB
import RiskCore

extension RiskDatabase {
    /// What the rules need of every member: when they were first seen, last confirmed, and which code versions
    /// they acknowledged; `isOnBoard` says who holds the board role now.
    static func memberFacts(_ db: Database, isOnBoard: (String, UInt32) -> Bool) throws -> [MemberFacts] {
        let confirmations = try Row.fetchAll(
            db,
            sql: """
                SELECT declarant, MAX(confirmed_at) AS last FROM confirmation GROUP BY declarant
                """
        )
        var lastConfirmed: [String: CalendarDate] = [:]
        for row in confirmations {
            if let last = Instant(rfc3339: row["last"]) { lastConfirmed[row["declarant"]] = last.utcDate }
        }
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
                    acknowledgedVersions: acknowledged[user] ?? []
                )
            }
        return members
    }
}

extension RiskDatabase {
    /// What the rules need of every member as riskd had recorded it by `asOf`: members first seen by then, their
    /// confirmations and acknowledgements made by then, and whether they held the board role then as riskd had
    /// seen it (`boardAsOf`).
    static func memberFacts(_ db: Database, asOf: Instant) throws -> [MemberFacts] {
        let at = asOf.description
        var lastConfirmed: [String: CalendarDate] = [:]
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT declarant, MAX(confirmed_at) AS last FROM confirmation WHERE confirmed_at <= ? GROUP BY declarant",
            arguments: [at]
        ) {
            if let last = Instant(rfc3339: row["last"]) { lastConfirmed[row["declarant"]] = last.utcDate }
        }
        var acknowledged: [String: Set<Int>] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT user, version FROM acknowledgement WHERE acknowledged_at <= ?",
            arguments: [at]
        ) {
            acknowledged[row["user"], default: []].insert(row["version"])
        }
        let board = try boardAsOf(db, at: at)
        return try Row.fetchAll(
            db,
            sql: "SELECT user, first_seen_at FROM member WHERE first_seen_at <= ? ORDER BY user",
            arguments: [at]
        ).compactMap { row -> MemberFacts? in
            let user: String = row["user"]
            guard let first = Instant(rfc3339: row["first_seen_at"]) else { return nil }
            return MemberFacts(
                user: user,
                onBoard: board.contains(user),
                firstSeenOn: first.utcDate,
                lastConfirmedOn: lastConfirmed[user],
                acknowledgedVersions: acknowledged[user] ?? []
            )
        }
    }
}
