import GRDB
import RiskCore

extension RiskDatabase {
    /// The day the register opened — riskd's first start on this database — recording `today` when none is
    /// recorded yet. Blocking, on the writer's connection: for start only, outside any call.
    public func recordRegisterOpenedBlocking(today: CalendarDate) throws -> CalendarDate {
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO register_day(name, day) VALUES ('opened_on', ?)",
                arguments: [today.description]
            )
            let text = try String.fetchOne(db, sql: "SELECT day FROM register_day WHERE name = 'opened_on'")
            guard let text, let day = CalendarDate(text) else { throw StoreError.corrupt("register_day opened_on") }
            return day
        }
    }

    /// The day `user` joined the board as riskd recorded it (first seen holding the board role), if ever.
    public func memberJoinedOn(user: String) async throws -> CalendarDate? {
        try await lookup { db in
            try String.fetchOne(db, sql: "SELECT first_seen_at FROM member WHERE user = ?", arguments: [user])
                .flatMap { Instant(rfc3339: $0)?.utcDate }
        }
    }
}
