import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

extension RiskDatabase {
    /// Why a file cannot be restored.
    public struct RestoreRefusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// A database built from a backup's rows beside the database it is to replace (`DATABASE.restoring-XXXXXX`,
    /// mode 0600, a name no other restore can take), not yet in place.
    public struct RestoredCopy: Sendable {
        /// Where the built database is, until `install` moves it into place.
        public let path: String
        /// The audit chain's length and head, verified in the built database.
        public let entries: Int
        public let head: String

        /// Removes the built database and its journal, if still there: on every path that does not install it.
        public func discard() {
            unlink(path)
            unlink(path + "-journal")
        }
    }

    /// Builds, beside `database`, a fresh database from riskd's migrations holding the rows of the backup `file`
    /// (see `RestoreRebuild`). `file` is only read.
    ///
    /// - Throws: `RestoreRefusal`, one line naming the file and the reason; nothing is left behind.
    public static func rebuild(from file: String, beside database: String) throws -> RestoredCopy {
        let source = try RestoreSource(path: file, migrations: Migrations.count)
        var template = Array("\(database).restoring-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw RestoreRefusal(
                description: "cannot create a file beside \(database): \(String(cString: strerror(errno)))"
            )
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
        do {
            let (entries, head) = try RestoreRebuild.build(from: source, into: path)
            try syncFile(path)
            return RestoredCopy(path: path, entries: entries, head: head)
        } catch {
            unlink(path)
            unlink(path + "-journal")
            if let refusal = error as? RestoreRefusal { throw refusal }
            throw RestoreRefusal(description: "\(file) could not be restored: \(error)")
        }
    }

    /// Puts `copy` in place of the database at `path`, keeping the replaced one, with its WAL, beside it as
    /// `path.replaced-STAMP` (then `-2`, `-3`… when a restore in the same second took that name). The caller holds
    /// the database's instance lock, so no riskd has it open.
    ///
    /// - Returns: where the replaced database went, `nil` when there was none.
    public static func install(_ copy: RestoredCopy, at path: String, stamp: String) throws -> String? {
        var kept: String?
        if access(path, F_OK) == 0 {
            let aside = try unusedName("\(path).replaced-\(stamp)")
            try rename(path, aside)
            for suffix in ["-wal", "-shm"] where access(path + suffix, F_OK) == 0 {
                try rename(path + suffix, aside + suffix)
            }
            kept = aside
        }
        try rename(copy.path, path)
        let directory = (path as NSString).deletingLastPathComponent
        try syncFile(directory.isEmpty ? "." : directory)
        return kept
    }

    private static func unusedName(_ base: String) throws -> String {
        for attempt in 1...1000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            if access(name, F_OK) != 0 && access(name + "-wal", F_OK) != 0 { return name }
        }
        throw RestoreRefusal(description: "every name for \(base) is taken")
    }

    private static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw RestoreRefusal(description: "cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
        }
    }

    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw RestoreRefusal(description: "cannot sync \(path) to disk: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
    }
}
