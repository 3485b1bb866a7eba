import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Native journal entries through `sd_journal_sendv`: structured fields, not text on stderr.
///
/// Field names must be uppercase ASCII letters, digits and underscores, not starting with an underscore; values
/// may hold any text, newlines included.
public enum Journal {
    /// Sends one entry. Returns the negative errno of `sd_journal_sendv` on failure (`-ENOENT`: no journald).
    @discardableResult
    public static func send(_ fields: [(name: String, value: String)]) -> Int32 {
        let entries = fields.map { Array("\($0.name)=\($0.value)".utf8) }
        let buffers = entries.map { bytes -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
            buffer.copyBytes(from: bytes)
            return buffer
        }
        defer {
            for buffer in buffers { buffer.deallocate() }
        }
        var vectors = zip(buffers, entries).map { buffer, bytes in
            iovec(iov_base: buffer.baseAddress, iov_len: bytes.count)
        }
        return vectors.withUnsafeMutableBufferPointer { pointer in
            sd_journal_sendv(pointer.baseAddress, Int32(pointer.count))
        }
    }
}
