import Foundation
import GRDB
import Testing

@testable import RiskStore

/// A read on an event loop's own connection (`ThreadReaders.read`) begins and ends its transaction itself, with
/// cached statements: it must still be one snapshot, end every time, and leave the connection usable after a failure.
@Suite("Reads on a thread's own connection")
struct ThreadReadersTests {
    /// A WAL database with one row in `t`, its writer, and a read-only connection like a thread's own.
    func withDatabase(_ body: (DatabasePool, DatabaseQueue) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("riskd-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("riskd.sqlite").path
        let writer = try DatabasePool(path: path)
        try writer.write { db in try db.execute(sql: "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)") }
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        try body(writer, reader)
    }

    static func count(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t")
    }

    @Test("Each read sees the commits made before it, and ends its transaction")
    func seesCommits() throws {
        try withDatabase { writer, reader throws in
            #expect(try ThreadReaders.read(on: reader, Self.count) == 1)
            try writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (2)") }
            #expect(try ThreadReaders.read(on: reader, Self.count) == 2)
            #expect(reader.inDatabase { db in db.isInsideTransaction } == false)
        }
    }

    @Test("The statements of one read see one snapshot, whatever is committed meanwhile")
    func oneSnapshot() throws {
        try withDatabase { writer, reader throws in
            let (before, after) = try ThreadReaders.read(on: reader) { db in
                let before = try Self.count(db)
                try writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (2)") }
                return (before, try Self.count(db))
            }
            #expect(before == 1)
            #expect(after == 1)
        }
    }

    @Test("A read that fails is rolled back, and the connection serves the next read")
    func failedRead() throws {
        try withDatabase { _, reader throws in
            #expect(throws: DatabaseError.self) {
                try ThreadReaders.read(on: reader) { db in try Int.fetchOne(db, sql: "SELECT x FROM missing") }
            }
            #expect(reader.inDatabase { db in db.isInsideTransaction } == false)
            #expect(try ThreadReaders.read(on: reader, Self.count) == 1)
        }
    }

    @Test("A cursor left before its last row holds no snapshot past its read")
    func cursorLeftEarly() throws {
        try withDatabase { writer, reader throws in
            try writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (2)") }
            let first = try ThreadReaders.read(on: reader) { db in
                let rows = try ColumnCursor(db.cachedStatement(sql: "SELECT x FROM t ORDER BY x"), arguments: []) {
                    row throws(StoreError) -> Int in try row.at(0)
                }
                return try rows.next()
            }
            #expect(first == 1)
            try writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (3)") }
            #expect(try ThreadReaders.read(on: reader, Self.count) == 3)
        }
    }
}
