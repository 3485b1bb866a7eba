#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Signs a statement with the member's own SSH key through `ssh-keygen -Y sign -n riskd`: the private key never
/// leaves the member's machine, nor even riskctl's reach when ssh-agent holds it.
///
/// `-f` names the key: `--key FILE`; else, of `~/.ssh/id_ed25519.pub`, `id_ecdsa.pub`, `id_rsa.pub` and the keys
/// ssh-agent holds (`ssh-add -L`), the first that is registered to the member in riskd, else the first that exists.
/// Given a `.pub` file, ssh-keygen signs with ssh-agent when the agent holds that key, else with the private key
/// beside it (asking its passphrase on the terminal); a key only the agent holds is handed to it as a temporary
/// `.pub` file. The statement goes to ssh-keygen's standard input and the
/// signature comes from its standard output, both through unlinked temporary files; its standard error is riskctl's.
enum SSHSigner {
    /// The namespace riskd verifies signatures in.
    static let namespace = "riskd"

    /// The armored signature of `statement`, made with `key`, or else the default key (see above) given the keys
    /// `registered` to the member (`TYPE BASE64` each).
    static func sign(_ statement: String, key: String?, registered: [String] = []) throws(RiskctlError) -> String {
        if let key { return try sign(statement, keyFile: key) }
        var candidates = defaultKeys().map { (line: $0.line, file: Optional($0.file)) }
        candidates += agentKeys().map { (line: $0, file: nil) }
        let wanted = Set(registered.map(keyOnly))
        guard let chosen = candidates.first(where: { wanted.contains(keyOnly($0.line)) }) ?? candidates.first else {
            throw .unsigned(
                "no SSH key to sign with: none of ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub exists and "
                    + "ssh-agent holds none; give --key FILE"
            )
        }
        if let file = chosen.file { return try sign(statement, keyFile: file) }
        // A key only the agent holds: ssh-keygen takes the public half from a file, and the agent signs.
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/riskctl-agent-key-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .unsigned("cannot create a temporary file in \(directory)") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let line = Array((chosen.line + "\n").utf8)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == line.count else { throw .unsigned("cannot write a temporary file in \(directory)") }
        return try sign(statement, keyFile: path)
    }

    private static func sign(_ statement: String, keyFile key: String) throws(RiskctlError) -> String {
        let input = try temporaryFile(holding: Array(statement.utf8))
        defer { close(input) }
        let output = try temporaryFile(holding: [])
        defer { close(output) }
        let status = run(["ssh-keygen", "-q", "-Y", "sign", "-n", namespace, "-f", key], stdin: input, stdout: output)
        guard status == 0 else {
            throw .unsigned("ssh-keygen could not sign with \(key) (status \(status)); nothing was sent to riskd")
        }
        let signature = String(decoding: read(output), as: UTF8.self)
        guard signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") else {
            throw .unsigned("ssh-keygen wrote no signature; nothing was sent to riskd")
        }
        return signature
    }

    /// The default public keys that exist, in OpenSSH's order, with their lines.
    static func defaultKeys() -> [(file: String, line: String)] {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return [] }
        return ["id_ed25519", "id_ecdsa", "id_rsa"].map { "\(home)/.ssh/\($0).pub" }.compactMap { file in
            guard access(file, R_OK) == 0, let text = try? InputFile.text(at: file) else { return nil }
            return (file, text)
        }
    }

    /// The public keys ssh-agent holds (`ssh-add -L`); none without an agent.
    static func agentKeys() -> [String] {
        guard getenv("SSH_AUTH_SOCK") != nil, let input = try? temporaryFile(holding: []) else { return [] }
        defer { close(input) }
        guard let output = try? temporaryFile(holding: []) else { return [] }
        defer { close(output) }
        guard run(["ssh-add", "-L"], stdin: input, stdout: output) == 0 else { return [] }
        return String(decoding: read(output), as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") }
    }

    /// A key line's type and base64, without options or comment: what riskd keeps.
    static func keyOnly(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).prefix(2).joined(separator: " ")
    }

    /// An unlinked temporary file holding `bytes`, its offset back at the start.
    private static func temporaryFile(holding bytes: [UInt8]) throws(RiskctlError) -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/riskctl-sign-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw .unsigned("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                close(descriptor)
                throw .unsigned("cannot write a temporary file in \(directory)")
            }
            offset += count
        }
        lseek(descriptor, 0, SEEK_SET)
        return descriptor
    }

    private static func read(_ descriptor: Int32) -> [UInt8] {
        lseek(descriptor, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return bytes }
            bytes += buffer[..<count]
        }
    }

    /// Runs `arguments` (found through PATH) with the given standard input and output; its exit status, or -1.
    private static func run(_ arguments: [String], stdin: Int32, stdout: Int32) -> Int32 {
        Output.flush()
        let spawned = ChildProcess.spawn(
            arguments,
            stdin: stdin,
            stdout: stdout,
            stderr: STDERR_FILENO,
            searchingPath: true,
            ownProcessGroup: false
        )
        guard case .success(let pid) = spawned else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS are macros Swift does not import: the status word as <sys/wait.h> lays it out.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
