/// `riskctl-shell`: the login shell of board accounts that may run riskctl and nothing else, as git-shell is for
/// git. riskctl is that shell when it is run by that name (the package installs `/usr/bin/riskctl-shell` as a
/// link to riskctl and lists it in /etc/shells).
///
/// sshd runs every command through the account's shell, as `SHELL -c "COMMAND"`, and runs the shell alone
/// (named `-riskctl-shell`) for a login without a command. With the package's sshd drop-in the command is the
/// `ForceCommand`, `riskctl-shell` itself, and what the client asked for is in `$SSH_ORIGINAL_COMMAND`. Either way
/// the line is cut into words without a shell (`CommandLineWords`), may start with `riskctl`, and must then be a
/// riskctl command; options that would reach beyond this machine's riskd are refused (`refusedOptions`).
enum BoardShell {
    /// The name riskctl answers to as a shell.
    static let name = "riskctl-shell"

    /// What the shell does.
    enum Decision: Equatable {
        /// Runs riskctl with these arguments (without the program name).
        case run([String])
        /// No command was given: prints `help` and exits.
        case help
        /// Refuses the command, with this line.
        case refuse(String)
    }

    /// Options refused in a command run by the shell: another host (`--host`, an SSH session from the server on to
    /// elsewhere), another socket (`--socket`), files written on the server (`-o`, `--export`), another program
    /// (`--sendmail`).
    static let refusedOptions = ["--host", "-H", "--socket", "-o", "--output", "--export", "--sendmail", "--mbox"]
    /// Commands refused: the mail deliverer's pass runs as the mail account, never as a board member's.
    static let refusedCommands: Set<[String]> = [["mail", "deliver"]]

    /// Whether riskctl was started as the shell: `argv[0]`'s last component, without the `-` of a login shell.
    static func isShell(programName: String) -> Bool {
        let base = programName.split(separator: "/").last.map(String.init) ?? programName
        return base == name || base == "-" + name
    }

    /// What to do for the shell's arguments (after `argv[0]`), `$SSH_ORIGINAL_COMMAND`, and the names of
    /// riskctl's commands.
    static func decide(arguments: [String], originalCommand: String?, commands: Set<String>) -> Decision {
        var line: String
        switch arguments.count {
        case 0:
            line = originalCommand ?? ""
        case 2 where arguments[0] == "-c":
            line = arguments[1]
            // The drop-in's ForceCommand is the shell itself: the client's command is in SSH_ORIGINAL_COMMAND.
            if let words = try? CommandLineWords.split(line), words.count == 1, isShell(programName: words[0]) {
                line = originalCommand ?? ""
            }
        default:
            return .refuse("\(name) takes no options but -c COMMAND")
        }
        var words: [String]
        do {
            words = try CommandLineWords.split(line)
        } catch {
            return .refuse(error.description)
        }
        if let first = words.first, first == "riskctl" || first.hasSuffix("/riskctl") {
            words.removeFirst()
        }
        guard let command = words.first else { return .help }
        guard commands.contains(command) else {
            return .refuse("'\(command)' is not a riskctl command; this account runs riskctl only (try: help)")
        }
        if refusedCommands.contains(Array(words.prefix(2))) {
            return .refuse("'riskctl \(words.prefix(2).joined(separator: " "))' is not run from an SSH session")
        }
        for word in words.dropFirst() {
            for option in refusedOptions where Self.word(word, names: option) {
                return .refuse("\(option) is not allowed in an SSH session: it reaches beyond this server's riskd")
            }
        }
        return .run(words)
    }

    /// Whether `word` gives `option`: as itself, with `=VALUE`, or (a short option) with its value attached.
    private static func word(_ word: String, names option: String) -> Bool {
        if word == option || word.hasPrefix(option + "=") { return true }
        return !option.hasPrefix("--") && word.hasPrefix(option)
    }

    /// What the shell prints for a login without a command.
    static let help = """
        This account runs riskctl only: no shell, no files, no forwarding.
        From your own computer, run riskctl there with --host:
            riskctl --host USER@SERVER interest list
        or give ssh a riskctl command:
            ssh USER@SERVER interest list
            ssh USER@SERVER help
        """
}
