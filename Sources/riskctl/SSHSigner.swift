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
/// `-f` names the key: `--key FILE`, else the first of `~/.ssh/id_ed25519.pub`, `id_ecdsa.pub`, `id_rsa.pub` that
/// exists. Given a `.pub` file, ssh-keygen signs with ssh-agent when the agent holds that key, else with the private
/// key beside it (asking its passphrase on the terminal). The statement goes to ssh-keygen's standard input and the
/// signature comes from its standard output, both through unlinked temporary files; its standard error is riskctl's.
enum SSHSigner {
    /// The namespace riskd verifies signatures in.
    static let namespace = "riskd"

    /// The armored signature of `statement`, made with `key` or the default key.
    static func sign(_ statement: String, key: String?) throws(RiskctlError) -> String {
        guard let key = key ?? defaultKey() else {
            throw .unsigned(
                "no SSH key to sign with: none of ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub exists; give --key FILE"
            )
        }
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

    /// The first default public key that exists.
    static func defaultKey() -> String? {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
        return ["id_ed25519", "id_ecdsa", "id_rsa"].map { "\(home)/.ssh/\($0).pub" }.first { access($0, R_OK) == 0 }
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        Output.flush()
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS are macros Swift does not import: the status word as <sys/wait.h> lays it out.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
