import Testing

@testable import riskctl

@Suite("How ssh ended becomes one line and an exit status of its own")
struct SSHFailureTests {
    /// ssh's status, what it said (as OpenSSH 9 says it), the kind, the exit status, and words of the line.
    static let cases: [(Int32, String, SSHFailure.Kind, ExitStatus, String)] = [
        (
            255,
            "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\n"
                + "Host key verification failed.\n",
            .hostKey, .hostKeyRefused, "host key of ana@h is not known or has changed"
        ),
        (
            255, "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.\n",
            .hostKey, .hostKeyRefused, "REMOTE HOST IDENTIFICATION HAS CHANGED"
        ),
        (
            255, "ana@127.0.0.1: Permission denied (publickey).\n", .authentication, .loginRefused,
            "ana@h refused the SSH login (ssh: ana@127.0.0.1: Permission denied (publickey).)"
        ),
        (
            255, "Received disconnect from 127.0.0.1 port 2222:2: Too many authentication failures\n",
            .authentication, .loginRefused, "Too many authentication failures"
        ),
        (
            255, "ssh: connect to host 127.0.0.1 port 9: Connection refused\n", .unreachable, .hostUnreachable,
            "cannot reach ana@h over SSH (ssh: ssh: connect to host 127.0.0.1 port 9: Connection refused)"
        ),
        (
            255, "ssh: Could not resolve hostname nowhere.invalid: Name or service not known\n", .unreachable,
            .hostUnreachable, "Could not resolve hostname"
        ),
        (
            255, "kex_exchange_identification: Connection closed by remote host\n", .unreachable, .hostUnreachable,
            "kex_exchange_identification"
        ),
        (
            127, "bash: line 1: riskctl: command not found\n", .noRiskctl, .noRiskctlOnHost,
            "riskctl is not installed on ana@h"
        ),
        (
            69,
            "riskctl: cannot reach riskd at /run/riskd/riskd.sock: No such file or directory "
                + "(is riskd running? try --socket)\n",
            .riskdNotRunning, .unreachable,
            "riskd on ana@h: cannot reach riskd at /run/riskd/riskd.sock: No such file or directory"
        ),
        (
            64, "riskctl: 'ls' is not a riskctl command; this account runs riskctl only (try: help)\n", .other,
            .failure, "status 64 before riskd answered (riskctl: 'ls' is not a riskctl command"
        ),
        (143, "", .other, .failure, "status 143"),
    ]

    @Test("Kinds, exit statuses and lines", arguments: cases)
    func diagnose(status: Int32, said: String, kind: SSHFailure.Kind, exit: ExitStatus, words: String) throws {
        let failure = try #require(SSHFailure.diagnose(status: status, diagnostics: said, destination: "ana@h"))
        #expect(failure.kind == kind)
        #expect(ExitStatus(for: RiskctlError(ssh: failure)) == exit)
        #expect(failure.description.contains(words), "\(failure.description)")
        #expect(!failure.description.contains("\n"))
    }

    @Test("ssh that exited 0 did not fail: riskd closed the connection")
    func success() {
        #expect(SSHFailure.diagnose(status: 0, diagnostics: "Warning: Permanently added", destination: "h") == nil)
    }
}
