import Foundation
import RiskStore

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file beside what one riskd alone may use (its database, its socket), held as long as
/// this value lives; the file holds the holder's pid, so that a second riskd can name it.
///
/// `flock` rather than `fcntl` locks: SQLite takes POSIX locks on the database file itself, which one process's
/// second descriptor on the same file would silently release; a separate file with `flock` cannot interfere.
package final class InstanceLock: Sendable {
    /// Another process holds the lock: riskd must not start.
    struct Held: Error, CustomStringConvertible {
        /// What the lock guards, e.g. "the database /var/lib/riskd/riskd.sqlite".
        var guarded: String
        /// The lock file.
        var path: String
        /// The pid written by the holder, when readable.
        var holder: Int32?

        /// One line naming the holder, what it holds and what to do.
        var description: String {
            let who = holder.map { "riskd (pid \($0)\(Self.command(of: $0)))" } ?? "another riskd"
            return "\(who) already uses \(guarded) (locked through \(path)); stop it first, or give this one "
                + "another database and socket"
        }

        private static func command(of pid: Int32) -> String {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return "" }
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return name.isEmpty ? "" : ", \(name)"
        }
    }

    /// The lock file.
    let path: String
    private let descriptor: Int32
    /// Whether this lock made its file (rather than finding it from an earlier start).
    private let created: Bool

    /// Takes the lock on `path` (created 0600 when missing), or throws `Held` naming the holder.
    ///
    /// - Parameter guarded: what the lock guards, for the message of a refusal.
    /// - Throws: `Held`; `FileRefusal` when `path` is a link or not riskd's regular file.
    init(path: String, guarding guarded: String) throws {
        let created = !FileManager.default.fileExists(atPath: path)
        let descriptor = try PrivateFile.openOwned(path, create: true)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.pid(in: descriptor)
            close(descriptor)
            throw Held(guarded: guarded, path: path, holder: holder)
        }
        let line = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.path = path
        self.descriptor = descriptor
        self.created = created
    }

    /// Removes the lock file when this lock made it, for a start that is refused after the locks were taken: a
    /// refused start leaves nothing of its own beside a file that is not riskd's. Still held until released.
    func discardCreatedFile() {
        if created { unlink(path) }
    }

    deinit {
        // Closing the last descriptor of the open file releases the lock.
        close(descriptor)
    }

    private static func pid(in descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(
            String(decoding: bytes.prefix(count), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
