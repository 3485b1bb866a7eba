import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The options every command takes: where riskd is, and how to print.
///
/// They are given after the command (`riskctl risk list --json`), as riskctl(1) documents.
struct GlobalOptions: ParsableArguments {
    /// The socket given with `--socket`; `nil` means look it up (see `SocketLocator`).
    @Option(name: .customLong("socket"), help: ArgumentHelp("Connect to riskd at this socket.", valueName: "path"))
    var socketPath: String?

    /// Print the daemon's reply as JSON, and nothing else on standard output.
    @Flag(help: "Print the daemon's reply as it came, as JSON, and nothing else.")
    var json = false

    /// Leave out the header row and the legend line of tables.
    @Flag(name: .customLong("no-legend"), help: "Leave out the header row and the legend line of tables.")
    var noLegend = false

    /// Do not ask before an irreversible or attesting act.
    @Flag(help: "Do not ask before an irreversible or attesting act.")
    var yes = false

    /// Whether tables get their header row and legend line.
    var showsLegend: Bool { !noLegend }

    /// Connects to riskd at the socket these options select.
    func connect() throws(RiskctlError) -> Connection {
        try Connection(path: SocketLocator.socketPath(given: socketPath))
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
        Output.prompt("\(question) [y/N] ")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw .cancelled }
    }
}
