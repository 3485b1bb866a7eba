import Testing

@testable import riskctl

@Suite("riskctl-shell runs riskctl commands only, from sshd's -c or SSH_ORIGINAL_COMMAND")
struct BoardShellTests {
    static let commands: Set<String> = ["whoami", "interest", "bridge", "mail", "review", "audit", "help", "--help"]

    /// The shell's arguments, SSH_ORIGINAL_COMMAND, and what it does.
    static let cases: [([String], String?, BoardShell.Decision)] = [
        // ssh ana@server interest list, the account's shell being riskctl-shell and no ForceCommand.
        (["-c", "interest list"], nil, .run(["interest", "list"])),
        (["-c", "riskctl interest list --json"], nil, .run(["interest", "list", "--json"])),
        (["-c", "/usr/bin/riskctl whoami"], nil, .run(["whoami"])),
        // The drop-in's ForceCommand, run through the account's shell: the client's command is the original.
        (["-c", "/usr/bin/riskctl-shell"], "riskctl bridge", .run(["bridge"])),
        (
            ["-c", "riskctl-shell"], "interest declare --organisation 'Zaklada Kvaka'",
            .run([
                "interest", "declare", "--organisation", "Zaklada Kvaka",
            ])
        ),
        // ForceCommand through another shell (an account whose shell is bash): riskctl-shell alone.
        ([], "whoami", .run(["whoami"])),
        // A login without a command.
        ([], nil, .help),
        ([], "   ", .help),
        (["-c", "/usr/bin/riskctl-shell"], nil, .help),
        (["-c", ""], nil, .help),
        (["-c", "riskctl"], nil, .help),
        // Not riskctl.
        (["-c", "/usr/bin/riskctl-shell"], "ls -la", .refuse(notRiskctl("ls"))),
        (["-c", "sh -c id"], nil, .refuse(notRiskctl("sh"))),
        (["-c", "riskctl-shell"], "riskctl-shell", .refuse(notRiskctl("riskctl-shell"))),
        (["-c", "scp -t /tmp"], nil, .refuse(notRiskctl("scp"))),
        (["-c", "/usr/lib/openssh/sftp-server"], nil, .refuse(notRiskctl("/usr/lib/openssh/sftp-server"))),
        (["-c", "whoami; sh"], nil, .refuse(semicolon)),
        (["-c", "riskctl-shell"], "whoami $(id)", .refuse(dollar)),
        (["-l"], nil, .refuse("riskctl-shell takes no options but -c COMMAND")),
        (["-c", "whoami", "extra"], nil, .refuse("riskctl-shell takes no options but -c COMMAND")),
        // Options that reach beyond this machine's riskd.
        (["-c", "whoami --host other"], nil, .refuse(beyond("--host"))),
        (["-c", "whoami -H other"], nil, .refuse(beyond("-H"))),
        (["-c", "whoami -Hother"], nil, .refuse(beyond("-H"))),
        (["-c", "whoami --socket=/tmp/x"], nil, .refuse(beyond("--socket"))),
        (["-c", "interest register -o /home/ana/.ssh/rc"], nil, .refuse(beyond("-o"))),
        (["-c", "audit attestations --export /home/ana/.ssh"], nil, .refuse(beyond("--export"))),
        (["-c", "mail deliver"], nil, .refuse("'riskctl mail deliver' is not run from an SSH session")),
        (["-c", "mail deliver2 --sendmail /bin/sh"], nil, .refuse(beyond("--sendmail"))),
    ]

    static func notRiskctl(_ command: String) -> String {
        "'\(command)' is not a riskctl command; this account runs riskctl only (try: help)"
    }
    static func beyond(_ option: String) -> String {
        "\(option) is not allowed in an SSH session: it reaches beyond this server's riskd"
    }
    static let semicolon =
        "';' is not allowed: the command runs without a shell (put it in single quotes to mean it as it is)"
    static let dollar =
        "'$' is not allowed: the command runs without a shell (put it in single quotes to mean it as it is)"

    @Test("What the shell runs, prints or refuses", arguments: cases)
    func decide(arguments: [String], original: String?, decision: BoardShell.Decision) {
        #expect(
            BoardShell.decide(arguments: arguments, originalCommand: original, commands: Self.commands) == decision
        )
    }

    @Test("riskctl is the shell by the name it was run as, login shells' leading - included")
    func names() {
        #expect(BoardShell.isShell(programName: "riskctl-shell"))
        #expect(BoardShell.isShell(programName: "-riskctl-shell"))
        #expect(BoardShell.isShell(programName: "/usr/bin/riskctl-shell"))
        #expect(!BoardShell.isShell(programName: "/usr/bin/riskctl"))
        #expect(!BoardShell.isShell(programName: "riskctl-shell2"))
    }
}
