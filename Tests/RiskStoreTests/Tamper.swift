import GRDB

/// Changes a database file behind riskd's back through a connection of its own, as an attacker with the file would.
enum Tamper {
    static func execute(path: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: sql)
        }
    }
}
