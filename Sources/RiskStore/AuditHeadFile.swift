import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The last audit head riskd recorded outside the database, in a small file beside it (`riskd.sqlite.audit-head`):
/// one line, `<seq> <hash>`. A chain that no longer holds it was shortened behind riskd's back.
///
/// Written atomically (a private temporary file, `fsync`, `rename`, `fsync` of the directory), mode 0600.
package struct AuditHeadFile: Sendable {
    /// The file's path.
    package let path: String

    /// The head file of the database at `databasePath`.
    package init(databasePath: String) {
        path = databasePath + ".audit-head"
    }

    /// The recorded head; `nil` when no head was recorded yet.
    ///
    /// - Throws: `FileRefusal` when the file is not riskd's or does not hold a head.
    package func read() throws -> AuditAnchor? {
        var status = stat()
        if lstat(path, &status) != 0, errno == ENOENT { return nil }
        let descriptor = try PrivateFile.openOwned(path, create: false)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data = try handle.read(upToCount: 200) ?? Data()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let seq = Int(fields[0]), seq >= 0, AuditAnchor.isHash(String(fields[1])) else {
            throw FileRefusal(path: path, reason: "it does not hold an audit head (`<seq> <hash>`)")
        }
        return AuditAnchor(seq: seq, hash: String(fields[1]))
    }

    /// Replaces the recorded head with `head`, atomically and durably.
    package func record(_ head: AuditAnchor) throws {
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.unavailable("cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        let line = Array("\(head.seq ?? 0) \(head.hash)\n".utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == line.count, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StoreError.unavailable("cannot record the audit head in \(path): \(reason)")
        }
        let parent = (path as NSString).deletingLastPathComponent
        let directory = open(parent.isEmpty ? "." : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}
