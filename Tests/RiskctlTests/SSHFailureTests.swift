import Testing

@testable import riskctl

@Suite("How ssh ended becomes one line and an exit status of its own")
struct SSHFailureTests {
    /// One way ssh ends.
    struct Case: Sendable, CustomTestStringConvertible {
        /// ssh's exit status.
        var status: Int32
        /// What it said, as OpenSSH 9 says it.
        var said: String
        var kind: SSHFailure.Kind
        /// riskctl's exit status.
        var exit: riskctl.ExitStatus
        /// Words of the line riskctl prints.
        var words: String

        init(_ status: Int32, _ said: String, _ kind: SSHFailure.Kind, _ exit: riskctl.ExitStatus, _ words: String) {
            (self.status, self.said, self.kind, self.exit, self.words) = (status, said, kind, exit, words)
        }

        var testDescription: String { "\(status): \(words)" }
    }

    static let cases: [Case] = [
        Case(
            255,
            "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\n"
                + "Host key verification failed.\n",
            .hostKey,
            .hostKeyRefused,
            "host key of ana@h is not known or has changed"
        ),
        Case(
            255,
            "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.\n",
            .hostKey,
            .hostKeyRefused,
            "(ssh: Host key verification failed.)"
        ),
        Case(
            255,
            "ana@127.0.0.1: Permission denied (publickey).\n",
            .authentication,
            .loginRefused,
            "ana@h refused the SSH login (ssh: ana@127.0.0.1: Permission denied (publickey).)"
        ),
        Case(
            255,
            "Received disconnect from 127.0.0.1 port 2222:2: Too many authentication failures\n",
            .authentication,
            .loginRefused,
            "Too many authentication failures"
        ),
        Case(
            255,
            "ssh: connect to host 127.0.0.1 port 9: Connection refused\n",
            .unreachable,
            .hostUnreachable,
            "cannot reach ana@h over SSH (ssh: ssh: connect to host 127.0.0.1 port 9: Connection refused)"
        ),
        Case(
            255,
            "ssh: Could not resolve hostname nowhere.invalid: Name or service not known\n",
            .unreachable,
            .hostUnreachable,
            "Could not resolve hostname"
        ),
        Case(
            255,
            "kex_exchange_identification: Connection closed by remote host\n",
            .unreachable,
            .hostUnreachable,
            "kex_exchange_identification"
        ),
        Case(
            127,
            "bash: line 1: riskctl: command not found\n",
            .noRiskctl,
            .noRiskctlOnHost,
            "riskctl is not installed on ana@h"
        ),
        Case(
            69,
            "riskctl: cannot reach riskd at /run/riskd/riskd.sock: No such file or directory "
                + "(is riskd running? try --socket)\n",
            .riskdNotRunning,
            .unreachable,
            "riskd is not running on ana@h: cannot reach riskd at /run/riskd/riskd.sock: No such file or directory"
        ),
        Case(
            64,
            "riskctl: 'ls' is not a riskctl command; this account runs riskctl only (try: help)\n",
            .other,
            .failure,
            "status 64 before riskd answered (riskctl: 'ls' is not a riskctl command"
        ),
        Case(143, "", .other, .failure, "status 143"),
    ]

    @Test("Kinds, exit statuses and lines", arguments: cases)
    func diagnose(example: Case) throws {
        let failure = try #require(
            SSHFailure.diagnose(status: example.status, diagnostics: example.said, destination: "ana@h")
        )
        #expect(failure.kind == example.kind)
        #expect(riskctl.ExitStatus(for: RiskctlError(ssh: failure)) == example.exit)
        #expect(failure.description.contains(example.words), "\(failure.description)")
        #expect(!failure.description.contains("\n"))
    }

    @Test("ssh that exited 0 did not fail: riskd closed the connection")
    func success() {
        #expect(SSHFailure.diagnose(status: 0, diagnostics: "Warning: Permanently added", destination: "h") == nil)
    }
}
