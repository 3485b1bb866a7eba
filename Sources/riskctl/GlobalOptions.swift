import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The options every command takes: where riskd is, and how to print.
///
/// They may be given after the command (`riskctl risk list --json`) or before it (`riskctl --json risk list`):
/// argument-parser reads them as options of the command that runs, so `hoisted` moves those written before the
/// command to the end.
struct GlobalOptions: ParsableArguments {
    /// The socket given with `--socket`; `nil` means look it up (see `SocketLocator`).
    @Option(name: .customLong("socket"), help: ArgumentHelp("Connect to riskd at this socket.", valueName: "path"))
    var socketPath: String?

    /// The host given with `--host`; `nil` means `$RISKD_HOST`, and riskd on this machine when that is unset too.
    @Option(
        name: [.customShort("H"), .customLong("host")],
        help: ArgumentHelp("Run the command against riskd on this host, through ssh.", valueName: "[user@]host[:port]")
    )
    var host: String?

    /// Print the daemon's reply as JSON, and nothing else on standard output.
    @Flag(help: "Print the daemon's reply as it came, as JSON, and nothing else.")
    var json = false

    /// Leave out the header row and the legend line of tables.
    @Flag(name: .customLong("no-legend"), help: "Leave out the header row and the legend line of tables.")
    var noLegend = false

    /// Print every cell of a table whole, however wide the lines get.
    @Flag(name: [.customLong("full"), .customShort("l")], help: "Print tables whole, without cutting cells to fit.")
    var full = false

    /// Do not ask before an irreversible or attesting act.
    @Flag(help: "Do not ask before an irreversible or attesting act.")
    var yes = false

    /// Whether tables get their header row and legend line.
    var showsLegend: Bool { !noLegend }

    /// Connects to riskd: through ssh on the host `--host` or `$RISKD_HOST` names, else at the socket these options
    /// select.
    func connect() throws(RiskctlError) -> Connection {
        switch try endpoint() {
        case .socket(let path):
            try Connection(path: path)
        case .host(let destination, let command):
            try Connection(destination: destination, command: command)
        }
    }

    /// Where riskd is for these options and `environment`.
    func endpoint(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(RiskctlError)
        -> Endpoint
    {
        try Endpoint.select(host: host, socket: socketPath, environment: environment)
    }

    /// Whether `confirm` asks: standard input and standard error are terminals and `--yes` was not given. A
    /// command checks it before doing work only the question needs.
    var asks: Bool {
        !yes && isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// Asks `question` on the terminal and throws unless the answer is yes.
    ///
    /// Asks only when standard input and standard error are terminals and `--yes` was not given; a script that did
    /// not pass `--yes` is not blocked, because riskctl only asks where a person can answer.
    func confirm(_ question: String) throws(RiskctlError) {
        guard asks else { return }
        guard agrees(question) else { throw .cancelled }
    }

    /// Asks `question` on the terminal and says whether the answer is yes; an offer (such as a registry name for a
    /// declaration) that is declined changes nothing. `false` without asking when `asks` is false.
    func agrees(_ question: String) -> Bool {
        guard asks else { return false }
        Output.prompt("\(question) [y/N] ")
        let answer = readLine()?.trimmingWhitespace().lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Refuses an attesting act (acknowledging the code, confirming declarations) that nobody can consent to:
    /// without `--yes`, standard input must be a terminal to answer on. `act` completes "pass --yes to …".
    ///
    /// - Throws: `ValidationError` (exit status 64), before anything is sent.
    func requireConsent(to act: String) throws {
        if !yes, isatty(STDIN_FILENO) != 1 {
            throw ValidationError("no terminal to ask on: pass --yes to \(act) without being asked")
        }
    }

    /// Asks `question` for an attesting act whatever standard error is, unless `--yes` was given; anything but yes
    /// cancels. `requireConsent(to:)` has made sure standard input is a terminal.
    func attest(_ question: String) throws(RiskctlError) {
        guard !yes else { return }
        Output.prompt("\(question) [y/N] ")
        let answer = readLine()?.trimmingWhitespace().lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw .cancelled }
    }
}

extension GlobalOptions {
    /// The flags, and the option that takes a value, as they are written.
    private static let flags: Set<String> = ["--json", "--no-legend", "--full", "-l", "--yes"]
    private static let valued: Set<String> = ["--socket", "--host", "-H"]

    /// `arguments` (without the program name) with the global options written before the first command word
    /// moved to the end (before a `--`), where the command reads them. Anything else before the command (`--help`,
    /// `--version`, an unknown option) stays where it is, and so does everything from the command on.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if flags.contains(argument) || valued.contains(where: { argument.hasPrefix($0 + "=") }) {
                leading.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.endIndex {
                leading.append(contentsOf: arguments[index...(index + 1)])
                index += 2
            } else {
                break
            }
        }
        // Before a `--`, which makes everything after it an argument (`mail test -- -ana@udruga.example`).
        var rest = Array(arguments[index...])
        rest.insert(contentsOf: leading, at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return rest
    }
}
