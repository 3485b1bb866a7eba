import GRDB

extension Migrations {
    /// v5: a `register_day` table of named days; `opened_on`, the day the register opened, is the first start of
    /// riskd on this database. A database that already holds records takes the day of its first audit entry.
    static func registerOpened(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE register_day (
                    name TEXT PRIMARY KEY,
                    day TEXT NOT NULL
                );
                INSERT INTO register_day(name, day) SELECT 'opened_on', substr(at, 1, 10) FROM audit ORDER BY seq LIMIT 1;
                """
        )
    }
}
