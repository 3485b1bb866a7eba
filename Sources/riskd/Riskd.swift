import ArgumentParser
import Foundation
import Logging
import RiskDaemon
import RiskSystemd

/// `riskd`: parse the command line, load the configuration, bootstrap logging, run the daemon.
@main
struct Riskd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskd",
        abstract: "Keep the risk register, ethical code and declarations of interest, served over Varlink.",
        discussion: "See riskd(8) and riskd.toml(5)."
    )

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

    @Flag(name: .long, help: "Stay in the foreground (riskd always does; accepted for compatibility).")
    var foreground = false

    /// EX_CONFIG from sysexits.h.
    static let configurationExit = ExitCode(78)

    func run() async throws {
        let origin = ConfigurationSource.Origin(explicitFile: config, socket: socket, database: database)
        let configuration: Configuration
        do {
            configuration = try origin.load()
        } catch {
            FileHandle.standardError.write(Data("riskd: \(error)\n".utf8))
            throw Self.configurationExit
        }
        if checkConfig {
            print("Configuration is valid.\nsocket: \(configuration.socket)\ndatabase: \(configuration.database)")
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
        let daemon: Daemon
        do {
            daemon = try Daemon(
                configuration: configuration,
                origin: origin,
                logLevel: levels,
                acceptAuditHead: acceptAuditHead,
                logger: logger
            )
        } catch {
            logger.critical("Cannot start: \(error)")
            throw ExitCode.failure
        }
        do {
            try await daemon.run()
        } catch {
            logger.critical("Stopped: \(error)")
            throw ExitCode.failure
        }
    }
}
