import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// A restore trusts a backup's rows, never its schema: it builds a fresh database from riskd's own migrations, as
/// far as the backup had come, copies into it the rows of the tables riskd knows, and only then runs the newer
/// migrations and checks the audit chain.
///
/// A trigger, view, table or index the migrations do not create is refused, named, before anything is copied: a
/// trigger that rewrote every new risk's title, or cleared a declaration's `sensitive` flag, would otherwise live on
/// in the restored database while the audit trail recorded what was sent. Every copied row passes riskd's own
/// constraints (types, `CHECK`s, `NOT NULL`, uniqueness, foreign keys), whatever the file's schema claimed.
///
/// What it cannot check: that the rows are the ones riskd wrote. The audit chain covers the audit table; a row of
/// another table edited consistently by someone with the file is restored as it is (SECURITY.md).
enum RestoreRebuild {
    typealias Refusal = RiskDatabase.RestoreRefusal

    /// Builds the database at `destination` (an empty file riskd created) from the rows of the backup `source`.
    ///
    /// - Returns: the audit chain's length and head, verified in the built database.
    static func build(from source: RestoreSource, into destination: String) throws -> (entries: Int, head: String) {
        let backup = try openReadOnly(source.path)
        var configuration = Configuration()
        // Rows arrive in table order, not in the order of their references: foreign keys are checked once, after.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        let built = try DatabaseQueue(path: destination, configuration: configuration)
        let migrator = Migrations.migrator
        let applied = try backup.read { db in try appliedMigrations(db, path: source.path, known: migrator) }
        if let last = applied.last { try migrator.migrate(built, upTo: last) }
        try backup.read { db in
            try checkSchema(of: db, path: source.path, against: built)
            try built.inTransaction { target in
                try copyRows(from: db, into: target)
                return .commit
            }
        }
        try built.writeWithoutTransaction { db in
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if let first = violations.first {
                let table: String = first["table"] ?? "?"
                throw Refusal(
                    description: "\(source.path) holds \(violations.count) row(s) that refer to rows it does not "
                        + "have (the first in table \(table))"
                )
            }
        }
        try migrator.migrate(built)
        try built.writeWithoutTransaction { db in try RiskDatabase.stampIdentity(db) }
        let verification = try built.read { db in try AuditChain.verify(db) }
        guard verification.ok else {
            let seq = verification.firstBadSeq.map { " at entry \($0)" } ?? ""
            throw Refusal(description: "the audit chain of \(source.path) does not verify\(seq)")
        }
        try built.close()
        return (verification.entries, verification.head)
    }

    /// The backup, read-only, with SQLite told not to run anything its schema defines on its own.
    private static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let integrity = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard integrity == ["ok"] else {
                throw Refusal(
                    description:
                        "\(path) fails SQLite's integrity check: \(integrity.prefix(3).joined(separator: "; "))"
                )
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(description: "\(path) cannot be read as a database: \(error)")
        }
        return queue
    }

    /// The backup's applied migrations, which must be the first of riskd's own, in order.
    private static func appliedMigrations(_ db: Database, path: String, known: DatabaseMigrator) throws -> [String] {
        guard try db.tableExists("grdb_migrations"), try db.tableExists("audit") else {
            throw Refusal(description: "\(path) is not a riskd database: it has no migrations table or no audit trail")
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        let ours = known.migrations
        for (index, identifier) in applied.enumerated() where index >= ours.count || ours[index] != identifier {
            throw Refusal(
                description: "\(path) was migrated by another riskd: migration '\(identifier)' is not this riskd's "
                    + "migration \(index + 1)"
            )
        }
        return applied
    }

    /// Refuses a backup whose schema holds an object riskd's does not, or a known table with other columns.
    private static func checkSchema(of db: Database, path: String, against built: DatabaseQueue) throws {
        let theirs = try schemaObjects(db)
        let ours = try built.read { try schemaObjects($0) }
        let foreign = theirs.keys.filter { ours[$0] == nil }.sorted()
        guard foreign.isEmpty else {
            let named = foreign.map { "\($0.type) \($0.name)" + (theirs[$0].map { " (on \($0))" } ?? "") }
            throw Refusal(
                description: "\(path) holds what riskd's schema does not: \(named.joined(separator: ", ")); "
                    + "riskd restores rows, never a file's own schema"
            )
        }
        for object in ours.keys where object.type == "table" {
            guard theirs[object] != nil else {
                throw Refusal(description: "\(path) has no table \(object.name), which riskd's schema has")
            }
            let expected = try built.read { try $0.columns(in: object.name).map(\.name) }
            let found = try db.columns(in: object.name).map(\.name)
            guard found == expected else {
                throw Refusal(
                    description: "\(path): table \(object.name) has the columns (\(found.joined(separator: ", "))), "
                        + "not riskd's (\(expected.joined(separator: ", ")))"
                )
            }
        }
    }

    private struct SchemaObject: Hashable, Comparable {
        var type: String
        var name: String
        static func < (a: Self, b: Self) -> Bool { (a.type, a.name) < (b.type, b.name) }
    }

    /// Every table, index, trigger and view by type and name, with the table it belongs to; SQLite's own
    /// (`sqlite_sequence`, automatic indexes, statistics) left out.
    private static func schemaObjects(_ db: Database) throws -> [SchemaObject: String] {
        var objects: [SchemaObject: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name FROM sqlite_master") {
            let name: String = row["name"] ?? ""
            guard !name.hasPrefix("sqlite_") else { continue }
            objects[SchemaObject(type: row["type"] ?? "", name: name)] = row["tbl_name"]
        }
        return objects
    }

    /// Copies every row of every riskd table (the migrations' own bookkeeping aside, which the build wrote) and
    /// the tables' AUTOINCREMENT counters, so that no id is handed out twice.
    private static func copyRows(from source: Database, into target: Database) throws {
        let tables = try String.fetchAll(
            target,
            sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                + "AND name != 'grdb_migrations' ORDER BY name"
        )
        for table in tables {
            let columns = try target.columns(in: table).map(\.name.quotedDatabaseIdentifier)
            let list = columns.joined(separator: ", ")
            let insert = try target.makeStatement(
                sql:
                    "INSERT INTO \(table.quotedDatabaseIdentifier) (\(list)) VALUES (\(databaseQuestionMarks(count: columns.count)))"
            )
            let rows = try Row.fetchCursor(source, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)")
            while let row = try rows.next() {
                do {
                    try insert.execute(arguments: StatementArguments(Array(row.databaseValues)))
                } catch let error as DatabaseError {
                    throw Refusal(
                        description: "a row of table \(table) breaks riskd's schema: \(error.message ?? "\(error)")"
                    )
                }
            }
        }
        guard try source.tableExists("sqlite_sequence") else { return }
        for row in try Row.fetchAll(source, sql: "SELECT name, seq FROM sqlite_sequence") {
            let name: String = row["name"] ?? ""
            guard tables.contains(name) else { continue }
            // Never below the highest id copied, whatever the file's counter says.
            try target.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [name])
            try target.execute(
                sql: "INSERT INTO sqlite_sequence (name, seq) "
                    + "VALUES (?, max(?, (SELECT coalesce(max(rowid), 0) FROM \(name.quotedDatabaseIdentifier))))",
                arguments: [name, row["seq"] as Int64? ?? 0]
            )
        }
    }
}
