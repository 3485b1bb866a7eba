#if canImport(Glibc)
import Glibc
#endif

extension RiskCtl {
    /// The arguments riskctl runs with as `riskctl-shell` (see `BoardShell`), or the end of the program when the
    /// shell prints its help (status 64, as a command line without a command) or refuses the command (64).
    ///
    /// `$RISKD_HOST` and `$RISKD_SSH` are dropped first: a command run by the shell is about this machine's riskd.
    static func shellArguments(_ arguments: [String]) -> [String] {
        unsetenv("RISKD_HOST")
        unsetenv("RISKD_SSH")
        let original = getenv("SSH_ORIGINAL_COMMAND").map { String(cString: $0) }
        var commands = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        commands.formUnion(["help", "--help", "-h", "--version"])
        switch BoardShell.decide(arguments: arguments, originalCommand: original, commands: commands) {
        case .run(let words):
            return words
        case .help:
            Output.line(BoardShell.help)
            Output.flush()
            Glibc.exit(ExitStatus.usage.rawValue)
        case .refuse(let reason):
            Output.error(reason)
            Output.flush()
            Glibc.exit(ExitStatus.usage.rawValue)
        }
    }
}
