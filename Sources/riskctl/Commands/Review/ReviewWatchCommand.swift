import ArgumentParser
import RiskProtocol
import Varlink

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl review watch`: follow findings as riskd raises, reminds of and resolves them.
struct ReviewWatchCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print each finding riskd raises, reminds of or resolves, as it happens, until interrupted.",
        discussion: """
            One line per event: its time, the event (raised, reminded or resolved), the finding, its severity, \
            rule and subject, and its message. The time is the finding's own: when it was first seen, last \
            alerted or resolved. With --json, each event is one JSON object on one line. Stops with Ctrl-C, or \
            with status 0 when riskd ends the stream or closes the connection. \
            \(ReviewInterface.Watch.policy.needsSentence)
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Calls `Watch` with `more` and prints each event as it arrives, flushed at once for a pipe.
    func run() throws {
        let connection = try options.connect()
        let onTerminal = isatty(STDERR_FILENO) == 1
        if onTerminal {
            Output.note("Watching review findings of riskd at \(connection.path); press Ctrl-C to stop.")
        }
        let end = try connection.stream(ReviewInterface.Watch.self, NoParameters()) { answer throws(RiskctlError) in
            if options.json {
                try Output.jsonLine(answer.parameters)
            } else {
                Output.line(ReviewPresenter.line(for: try answer.decoded()))
            }
            Output.flush()
        }
        if onTerminal, end == .closed {
            Output.note("riskd closed the connection; no more events.")
        }
    }
}
