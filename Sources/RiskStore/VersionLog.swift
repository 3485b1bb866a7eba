import GRDB
import RiskCore

/// The versions of actions and declarations: written in the transaction of every change, read for documents made
/// as of a past time (`RiskHistory` does the same for risks).
enum VersionLog {
    /// A table whose rows keep versions in `<table>_version`.
    enum Table: String {
        case action
        case interest
    }

    /// Stores row `id` of `table` as it now is in `db` as a version made by `actor` at `at`.
    static func record(_ db: Database, _ table: Table, id: Int, actor: String, at: Instant) throws {
        let columns = try db.columns(in: table.rawValue).map(\.name).joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO \(table.rawValue)_version (at, actor, \(columns))
                SELECT ?, ?, \(columns) FROM \(table.rawValue) WHERE id = ?
                """
        )
        try statement.execute(arguments: [at.description, actor, id])
    }

    /// The SQL of every row of `table` as its last version at or before the time bound to `parameter` (rows
    /// created later are absent), with the columns of the table, `version`, `at` and `actor`.
    static func asOf(_ table: Table, parameter: String = "?") -> String {
        """
        SELECT v.* FROM (
            SELECT MAX(version) AS version FROM \(table.rawValue)_version WHERE at <= \(parameter) GROUP BY id
        ) AS latest
        JOIN \(table.rawValue)_version AS v ON v.version = latest.version
        """
    }

    /// Erases the personal text of every version of declaration `id` (its description, and its value and plan
    /// where it had them), the columns the declaration's own erasure emptied: a past document shows the erasure,
    /// never the text.
    static func eraseInterest(_ db: Database, id: Int) throws {
        try db.execute(
            sql: """
                UPDATE interest_version SET description = '',
                    value = CASE WHEN value IS NULL THEN NULL ELSE '' END,
                    management_plan = CASE WHEN management_plan IS NULL THEN NULL ELSE '' END,
                    erased = 1
                WHERE id = ?
                """,
            arguments: [id]
        )
    }
}
