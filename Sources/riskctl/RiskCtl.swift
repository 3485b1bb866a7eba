import ArgumentParser
import RiskProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The `riskctl` command: the command-line client of riskd.
///
/// Every command is a subcommand named by noun (`riskctl risk add`). `main()` is replaced so that every failure is
/// one line on standard error with the exit status of `ExitStatus`, never argument-parser's usage screen.
@main
struct RiskCtl: ParsableCommand {
    /// The command tree and the version `--version` prints.
    static let configuration = CommandConfiguration(
        commandName: "riskctl",
        abstract: "Keep the risk register and read the audit trail of riskd.",
        discussion: """
            Ids may be written with or without their letter: R-12 and 12 name the same risk, A-3 and 3 the same \
            action. Exit statuses: 0 ok, 1 other failure, 64 usage, 65 invalid value or input, 66 no such record, \
            69 riskd unreachable, 75 conflict, 77 permission denied. See riskctl(1).
            """,
        version: RiskdProtocol.version,
        subcommands: [
            WhoamiCommand.self,
            StatusCommand.self,
            BackupCommand.self,
            RiskCommand.self,
            AuditCommand.self,
        ]
    )

    /// Parses the command line, runs the command and turns any failure into one line and an exit status.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            reportUsageError(error)
        }
        do {
            var running = command
            try running.run()
        } catch let exit as ExitCode {
            Output.flush()
            Glibc.exit(exit.rawValue)
        } catch let validation as ValidationError {
            Output.error(validation.message)
            Glibc.exit(ExitStatus.usage.rawValue)
        } catch {
            Output.error(String(describing: error))
            Glibc.exit(ExitStatus(for: error).rawValue)
        }
        Output.flush()
        Glibc.exit(ExitStatus.success.rawValue)
    }

    /// Reports a command line that could not be parsed, or prints the help or version that was asked for.
    private static func reportUsageError(_ error: any Error) -> Never {
        if exitCode(for: error) == .success {
            exit(withError: error)
        }
        let message = self.message(for: error).trimmingSuffix(while: { $0 == "." || $0.isWhitespace })
        let path = commandPath(in: Array(CommandLine.arguments.dropFirst()))
        Output.error("\(message) (see '\(path.joined(separator: " ")) --help')")
        Glibc.exit(ExitStatus.usage.rawValue)
    }

    /// The names of the commands `arguments` select, from `riskctl` down, for pointing at the right help.
    static func commandPath(in arguments: [String]) -> [String] {
        var path = ["riskctl"]
        var current: any ParsableCommand.Type = RiskCtl.self
        for argument in arguments where !argument.hasPrefix("-") {
            let match = current.configuration.subcommands.first { $0.configuration.commandName == argument }
            guard let match else { break }
            path.append(argument)
            current = match
        }
        return path
    }
}

extension String {
    /// The string without the trailing characters that satisfy `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) {
            result.removeLast()
        }
        return result
    }
}
