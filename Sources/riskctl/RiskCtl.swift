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
        abstract: "Keep riskd's risk register, declarations of interest and ethical code; read reviews and audit.",
        discussion: """
            Ids may be written with or without their letter: R-12 and 12 name the same risk, A-3 and 3 the same \
            action; O- is an organisation, I- a declared interest, C- a conflict check, F- a review finding, M- a board \
            meeting (its agenda items go by their number). \
            Exit statuses: 0 ok, 1 other failure, 64 usage, 65 invalid value or input, 66 no such record, \
            69 riskd unreachable, 75 conflict, 77 permission denied; with --host also 67 login refused, 68 host \
            unreachable, 78 host key not trusted, 127 no riskctl on the host. See riskctl(1). riskctl(1) also says how to \
            install the shell completions that --generate-completion-script writes.
            """,
        version: RiskdProtocol.version,
        subcommands: [
            WhoamiCommand.self,
            StatusCommand.self,
            BridgeCommand.self,
            BackupCommand.self,
            RiskCommand.self,
            AuditCommand.self,
            EthicsCommand.self,
            OrganisationCommand.self,
            InterestCommand.self,
            ConcernCommand.self,
            ConflictsCommand.self,
            MeetingCommand.self,
            MemberCommand.self,
            MailCommand.self,
            ReviewCommand.self,
            ActionsCommand.self,
            ReportCommand.self,
        ]
    )

    /// Parses the command line, runs the command and turns any failure into one line and an exit status.
    static func main() {
        var given = Array(CommandLine.arguments.dropFirst())
        if BoardShell.isShell(programName: CommandLine.arguments.first ?? "") {
            given = shellArguments(given)
        }
        let arguments = GlobalOptions.hoisted(given)
        if arguments.first == "--version" {
            VersionReport.print(arguments: Array(arguments.dropFirst()))
            Output.flush()
            Glibc.exit(ExitStatus.success.rawValue)
        }
        var optionsByField: [String: String] = [:]
        do {
            var command = try parseAsRoot(arguments)
            optionsByField = (type(of: command) as? any OptionNaming.Type)?.optionsByField ?? [:]
            try command.run()
        } catch {
            finish(with: error, arguments: arguments, optionsByField: optionsByField)
        }
        Output.flush()
        Glibc.exit(ExitStatus.success.rawValue)
    }

    /// Reports `error` as one line on standard error (one per bad row of an input file) and exits with its status.
    ///
    /// Help and `--version` are requests, not failures: argument-parser prints them on standard output; help gets
    /// the command's example. riskd's refusal of a field is worded with the option the user typed
    /// (`optionsByField`, the mapping of the command that ran).
    private static func finish(with error: any Error, arguments: [String], optionsByField: [String: String]) -> Never {
        switch error {
        case let failure as RiskctlError:
            for line in failure.naming(optionsByField).description.split(separator: "\n") {
                Output.error(String(line))
            }
            Glibc.exit(ExitStatus(for: failure).rawValue)
        case let exitCode as ExitCode:
            Output.flush()
            Glibc.exit(exitCode.rawValue)
        default:
            let code = exitCode(for: error)
            guard code != .success else {
                let help = message(for: error)
                guard help.contains("USAGE:") else { Self.exit(withError: error) }
                var path = arguments.first == "help" ? Array(arguments.dropFirst()) : arguments
                path = Array(commandPath(in: path).dropFirst())
                Output.line(HelpExamples.appended(to: help, path: path))
                Output.flush()
                Glibc.exit(ExitStatus.success.rawValue)
            }
            var message = sentence(self.message(for: error))
            if let first = MissingArguments.argument(in: self.message(for: error)) {
                let missing = MissingArguments.all(in: arguments, first: first) { line in
                    do {
                        _ = try parseAsRoot(line)
                        return nil
                    } catch {
                        return self.message(for: error)
                    }
                }
                message = MissingArguments.sentence(missing)
            }
            guard code == .validationFailure else {
                Output.error(message)
                Glibc.exit(ExitStatus(for: error).rawValue)
            }
            if let unknown = CommandSuggestion.unknownCommand(in: arguments) {
                Output.error(unknown)
                Glibc.exit(ExitStatus.usage.rawValue)
            }
            let path = commandPath(in: arguments)
            Output.error("\(message) (see '\(path.joined(separator: " ")) --help')")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
    }

    /// argument-parser's message as riskctl words its lines: no capital to start, no full stop to end.
    private static func sentence(_ message: String) -> String {
        var text = message.trimmingSuffix(while: { $0 == "." || $0.isWhitespace })
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return text
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
