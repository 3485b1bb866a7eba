import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `-o FILE` and `--mode MODE`: where a command writes a document instead of standard output, and who may read it.
///
/// Every file riskctl writes is mode 0600 unless `--mode` says otherwise: a member's export holds their sensitive
/// declarations, a confidential pack everyone's. The mode is set on the file itself (`fchmod`), so the umask cannot
/// widen or narrow it, and the file appears whole or not at all (written beside, synced, renamed over).
struct OutputFileOptions: ParsableArguments {
    /// Where to write.
    @Option(
        name: .customShort("o"),
        help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file")
    )
    var output: String?

    /// The file's mode, octal.
    @Option(
        name: .customLong("mode"),
        help: ArgumentHelp(
            "The mode of the file -o writes, in octal, e.g. 0644 for a page to publish (default: 0600).",
            valueName: "mode"
        ),
        transform: { text in
            guard let mode = mode_t(text, radix: 8), mode <= 0o777 else {
                throw ValidationError("--mode must be an octal mode such as 0600 or 0644, not '\(text)'")
            }
            return mode
        }
    )
    var mode: mode_t = 0o600

    func validate() throws {
        if mode != 0o600 && output == nil { throw ValidationError("--mode applies to the file -o writes; give -o") }
    }

    /// Writes `text` to the `-o` file; false when there is none (the caller prints to standard output).
    func write(_ text: String) throws -> Bool {
        guard let output else { return false }
        try Self.write(Data(text.utf8), to: output, mode: mode)
        return true
    }

    /// Writes `data` to `path` with `mode`, replacing what was there.
    ///
    /// - Throws: `RiskctlError.unwritable`, naming the file and the reason.
    static func write(_ data: Data, to path: String, mode: mode_t) throws {
        func fail(_ what: String) -> RiskctlError {
            RiskctlError.unwritable("cannot write \(path): \(what): \(String(cString: strerror(errno)))")
        }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "./"
        var template = Array("\(directory).riskctl-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw fail("cannot create a file beside it") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = false
        defer {
            close(descriptor)
            if !written { unlink(temporary) }
        }
        var offset = 0
        while offset < data.count {
            let count = data.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, data.count - offset)
            }
            guard count > 0 else { throw fail("write failed") }
            offset += count
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw fail("cannot set its mode") }
        guard rename(temporary, path) == 0 else { throw fail("cannot put it in place") }
        written = true
    }
}
