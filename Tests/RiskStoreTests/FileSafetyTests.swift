import Foundation
import GRDB
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// riskd looks at a file before it touches it: its database (issue 8, defect 8) and its backups (defect 9).
@Suite("Files riskd keeps")
struct FileSafetyTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    func mode(_ path: String) -> Int? {
        var status = stat()
        return lstat(path, &status) == 0 ? Int(status.st_mode & 0o7777) : nil
    }

    func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    func addRisks(_ database: RiskDatabase, count: Int) async throws {
        let actor = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Add", now: now)
        let risks = try (0..<count).map { index in
            try RiskRules.create(
                RiskDraft(
                    title: "Risk number \(index) with a title long enough to fill pages",
                    category: "financial",
                    likelihood: 3,
                    impact: 3
                ),
                caller: "marko",
                now: now,
                today: today,
                policy: RiskPolicy()
            )
        }
        _ = try await database.storeRisks(risks, actor: actor, detail: { AuditDetail(["title": .text($0.title)]) })
    }

    @Test("A file that is not a database is refused and left exactly as it was") func notADatabase() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/passwd"
            let text = "root:x:0:0:root:/root:/bin/bash\nmarko:x:1002:1002::/home/marko:/bin/sh\n"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o644)
            #expect(throws: FileRefusal.self) { try RiskDatabase(path: path) }
            #expect(mode(path) == 0o644)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
    }

    @Test("A symbolic link as the database is refused, its target untouched") func symlinkDatabase() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let target = "\(directory)/real.sqlite"
            _ = try RiskDatabase(path: target)
            chmod(target, 0o640)
            symlink(target, "\(directory)/riskd.sqlite")
            #expect(throws: FileRefusal.self) { try RiskDatabase(path: "\(directory)/riskd.sqlite") }
            #expect(mode(target) == 0o640)
        }
    }

    @Test("A backup directory that others may read is refused, nothing written") func openBackupDirectory()
        async throws
    {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            let backups = "\(directory)/backups"
            mkdir(backups, 0o755)
            chmod(backups, 0o755)
            await #expect(throws: FileRefusal.self) { try await database.backup(into: backups, now: now, keep: 2) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: backups).isEmpty)
            #expect(mode(backups) == 0o755)
        }
    }

    @Test("A backup directory that is a symbolic link is refused") func symlinkBackupDirectory() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            mkdir("\(directory)/elsewhere", 0o700)
            symlink("\(directory)/elsewhere", "\(directory)/backups")
            await #expect(throws: FileRefusal.self) {
                try await database.backup(into: "\(directory)/backups", now: now, keep: 2)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/elsewhere").isEmpty)
        }
    }

    @Test("A new backup directory is made 0700; the copy is 0600 and never follows a planted link")
    func plantedLink() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let database = try RiskDatabase(path: "\(directory)/riskd.sqlite")
            let backups = "\(directory)/backups"
            let first = try await database.backup(into: backups, now: now, keep: 5)
            #expect(mode(backups) == 0o700)
            #expect(mode(first.path) == 0o600)
            // The name the next backup at the same instant would take, pointing outside.
            let planted = "\(backups)/riskd-2026-11-29T060000Z-2.sqlite"
            symlink("\(directory)/stolen.sqlite", planted)
            let copy = try await database.backup(into: backups, now: now, keep: 5)
            #expect(copy.path != planted)
            #expect(mode(copy.path) == 0o600)
            #expect(!exists("\(directory)/stolen.sqlite"))
        }
    }

    @Test("A failed backup leaves no partial file") func failedBackup() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = "\(directory)/riskd.sqlite"
            do {
                let database = try RiskDatabase(path: path)
                try await addRisks(database, count: 400)
                try database.checkpoint()
            }
            // Garbage over the root page of the risk table: opening still works, copying it cannot.
            let root = try await DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'risk'")
            }
            let page = try #require(root)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seek(toOffset: UInt64((page - 1) * 4096))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
            try handle.close()
            let database = try RiskDatabase(path: path)
            let backups = "\(directory)/backups"
            await #expect(throws: StoreError.self) { try await database.backup(into: backups, now: now, keep: 2) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: backups).isEmpty)
        }
    }
}
