import ArgumentParser
import Foundation
import Logging
import RiskDaemon
import RiskSystemd

/// `riskd`: parse the command line, load the configuration, bootstrap logging, run the daemon (started by
/// `RiskdMain`).
struct Riskd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskd",
        abstract: "Keep the risk register, ethical code and declarations of interest, served over Varlink.",
        discussion: "See riskd(8) and riskd.toml(5).",
        version: "riskd \(Daemon.version)"
    )

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Per-user mode: socket $XDG_RUNTIME_DIR/riskd/riskd.sock, database $XDG_STATE_HOME/riskd/riskd.sqlite "
                + "(~/.local/state), only the --config file; you are the administrator. Without it, system paths."
        )
    )
    var user = false

    @Option(name: .long, help: ArgumentHelp("Read the configuration from FILE.", valueName: "FILE"))
    var config: String?

    @Flag(name: .long, help: "Validate the configuration, print the effective paths, and exit.")
    var checkConfig = false

    @Option(name: .long, help: ArgumentHelp("Serve on this socket instead of the configured one.", valueName: "PATH"))
    var socket: String?

    @Option(name: .long, help: ArgumentHelp("Use this database instead of the configured one.", valueName: "PATH"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "After an investigation, accept an audit chain that no longer holds the recorded head; HASH is its current "
                + "head. The acceptance is recorded in the audit trail.",
            valueName: "HASH"
        )
    )
    var acceptAuditHead: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Restore the database from FILE, a backup, and exit: refused while a riskd serves the database; FILE's "
                + "integrity and audit chain are checked first; the replaced database is kept beside it.",
            valueName: "FILE"
        )
    )
    var restore: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Stay in the foreground (riskd always does, logging to standard error or, "
                + "under systemd, to the journal; accepted for compatibility)."
        )
    )
    var foreground = false

    /// EX_CONFIG from sysexits.h.
    static let configurationExit = ExitCode(78)

    func run() async throws {
        let origin = ConfigurationSource.Origin(
            mode: user ? .perUser : .system,
            explicitFile: config,
            socket: socket,
            database: database
        )
        let configuration: Configuration
        do {
            configuration = try origin.load()
        } catch {
            FileHandle.standardError.write(Data("riskd: \(error)\n".utf8))
            throw Self.configurationExit
        }
        if checkConfig {
            print(
                "Configuration is valid.\nmode: \(configuration.mode.rawValue)\n"
                    + "configuration: \(configuration.file ?? "none (every key at its default)")\n"
                    + "socket: \(configuration.socket)\ndatabase: \(configuration.database)"
            )
            return
        }
        if let restore {
            do {
                for line in try await Restore.run(
                    file: restore,
                    configuration: configuration,
                    now: Clock.fromEnvironment().clock.now()
                ) {
                    print(line)
                }
            } catch {
                FileHandle.standardError.write(Data("riskd: cannot restore: \(error)\n".utf8))
                throw Self.exitCode(for: error)
            }
            return
        }
        // One switch for every logger, so that SIGHUP can change `[log] level` while running.
        let levels = LogLevelSwitch(configuration.logLevel)
        // Under systemd, native entries keep each message's priority; by hand, plain lines on stderr.
        let toJournal = JournalLogHandler.isStandardErrorJournal
        LoggingSystem.bootstrap { label -> any LogHandler in
            if toJournal { return levels.handler(JournalLogHandler(label: label)) }
            return levels.handler(StreamLogHandler.standardError(label: label))
        }
        let logger = Logger(label: "riskd")
        let file = configuration.file ?? "none (every key at its default)"
        let paths = "socket \(configuration.socket), database \(configuration.database), configuration \(file)"
        logger.notice("riskd \(Daemon.version) starting in \(configuration.mode.rawValue) mode: \(paths)")
        let (clock, testClock) = Clock.fromEnvironment()
        if let testClock {
            logger.warning("Debug build: the time is read from \(testClock) (RISKD_TEST_NOW_FILE)")
        }
        let daemon: Daemon
        do {
            daemon = try Daemon(
                configuration: configuration,
                origin: origin,
                logLevel: levels,
                clock: clock,
                acceptAuditHead: acceptAuditHead,
                logger: logger
            )
        } catch {
            logger.critical("Cannot start: \(error)")
            throw Self.exitCode(for: error)
        }
        do {
            try await daemon.run()
        } catch {
            logger.critical("Stopped: \(error)")
            throw Self.exitCode(for: error)
        }
    }

    /// 69 for a refusal to start (see riskd(8), EXIT STATUS), which systemd does not retry; 1 for any other failure.
    static func exitCode(for error: any Error) -> ExitCode {
        Daemon.isStartRefusal(error) ? ExitCode(Daemon.refusalExitStatus) : .failure
    }
}
