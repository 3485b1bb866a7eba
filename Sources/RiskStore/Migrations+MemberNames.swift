import GRDB

extension Migrations {
    /// Names (issue 21): the name `member.SetName` gave a board member, which documents for people use in place of
    /// the account's full name. Null until set; riskd keeps no history of names but the audit's keyed hash.
    static func memberNames(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE member ADD COLUMN name TEXT")
    }
}
