#if canImport(Glibc)
import Glibc
#endif

/// The mailbox the bounces of riskd's mail come back to: the mbox of the account the deliverer runs as (`$MAIL`, else
/// /var/mail/USER), which `mail.from` names.
///
/// Locked as postfix's local(8) locks it (Debian's `mailbox_delivery_lock = fcntl, dotlock`): an fcntl lock on the
/// whole file, and `FILE.lock` when the spool directory lets this account create it. /var/mail is not writable by
/// its users on Debian (local(8) makes its dotlock with root's help), so there the fcntl lock alone excludes
/// local(8), which then defers the delivery and tries again. While the lock is held the bounces are reported and the
/// messages whose report riskd took are cut out of the file in place (the directory may not let a new file be
/// renamed over it); every other message stays, byte for byte. A busy lock skips the pass: the bounces wait for the
/// next one.
struct BounceMailbox {
    /// The mbox file.
    var path: String

    /// What went wrong with the mailbox, as a sentence.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `$MAIL` when set, else /var/mail/ and the name of the account riskctl runs as.
    static func defaultPath(mail: String?) -> String? {
        if let mail, mail.hasPrefix("/") { return mail }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return "/var/mail/" + String(cString: name)
    }

    /// The bounces in the mailbox, each handed to `report`, which answers whether riskd took it (the message is then
    /// removed) or that it is not riskd's (it stays). Returns how many were reported; 0 when there is no mailbox or
    /// its lock is busy. An error `report` throws stops the reading; what was taken before it is removed still.
    func consume(_ report: (DeliveryReport) throws -> Bool) throws -> Int {
        let fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return 0 }
            throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid() else {
            throw Failure(description: "\(path) is not a mailbox file of this account")
        }
        guard status.st_size > 0 else { return 0 }
        guard let dotlock = DotLock(mailbox: path) else { return 0 }
        defer { dotlock.release() }
        guard Self.lock(fd) else { return 0 }
        let content = try Self.readAll(fd, path: path)
        var removed: [Range<Int>] = []
        var failure: (any Error)?
        for range in Mbox.messages(in: content) {
            guard let bounce = DeliveryReport(Array(content[range])) else { continue }
            do {
                if try report(bounce) { removed.append(range) }
            } catch {
                failure = error
                break
            }
        }
        if !removed.isEmpty { try Self.rewrite(fd, path: path, Mbox.removing(removed, from: content)) }
        if let failure { throw failure }
        return removed.count
    }

    /// Takes the fcntl lock on the whole file, trying for about two seconds; `false` when it stayed busy.
    private static func lock(_ fd: Int32) -> Bool {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        for _ in 0..<20 {
            if fcntl(fd, F_SETLK, &lock) == 0 { return true }
            guard errno == EAGAIN || errno == EACCES || errno == EINTR else { return false }
            usleep(100_000)
        }
        return false
    }

    private static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(content.count)) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return content }
            content += chunk[..<count]
        }
    }

    /// Writes `content` over the file from its start and cuts it there.
    private static func rewrite(_ fd: Int32, path: String, _ content: [UInt8]) throws {
        var written = 0
        while written < content.count {
            let count = content[written...].withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(written)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        guard ftruncate(fd, off_t(content.count)) == 0, fsync(fd) == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// `MAILBOX.lock`, made with O_EXCL as local(8) makes it, when the directory lets this account create files.
private struct DotLock {
    /// Seconds after which a dotlock is stale, as postfix's `stale_lock_time` (500 s).
    static let staleSeconds = 500

    /// The lock file made, or `nil` when the directory does not let this account make one.
    var path: String?

    /// The dotlock taken; `nil` when another process holds it.
    init?(mailbox: String) {
        let name = mailbox + ".lock"
        for _ in 0..<2 {
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
                path = name
                return
            }
            switch errno {
            case EEXIST:
                var status = stat()
                guard lstat(name, &status) == 0 else { continue }
                guard time(nil) - status.st_mtim.tv_sec > Self.staleSeconds else { return nil }
                unlink(name)
            default:
                // EACCES, EROFS and the like: the spool directory is not ours to write; fcntl alone locks.
                path = nil
                return
            }
        }
        return nil
    }

    func release() {
        if let path { unlink(path) }
    }
}

/// An mbox file cut into its messages: each begins with a `From ` line at the start of the file or after an empty
/// line (local(8) writes an empty line after each message and quotes `From ` in bodies as `>From `).
enum Mbox {
    /// The byte ranges of the messages, in order, covering the whole file.
    static func messages(in content: [UInt8]) -> [Range<Int>] {
        let from = Array("From ".utf8)
        var starts: [Int] = []
        var index = 0
        while index < content.count {
            let atStart = index == 0 || (index >= 2 && content[index - 1] == 10 && content[index - 2] == 10)
            if atStart, content[index...].starts(with: from) { starts.append(index) }
            guard let newline = content[index...].firstIndex(of: 10) else { break }
            index = newline + 1
        }
        guard !starts.isEmpty else { return [] }
        return zip(starts, starts.dropFirst() + [content.count]).map { $0..<$1 }
    }

    /// `content` without the bytes of `ranges` (sorted, not overlapping).
    static func removing(_ ranges: [Range<Int>], from content: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var next = 0
        for range in ranges {
            kept += content[next..<range.lowerBound]
            next = range.upperBound
        }
        return kept + content[next...]
    }
}
