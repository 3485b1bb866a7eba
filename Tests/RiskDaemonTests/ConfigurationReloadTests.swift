import Logging
import RiskCore
import RiskDaemon
import RiskSystemd
import Testing

@Suite("Configuration reload (SIGHUP)")
struct ConfigurationReloadTests {
    let running = Configuration(paths: .system)

    @Test("Reloadable sections apply, and nothing needs a restart") func reloadable() {
        var reread = running
        reread.access.board = [.userName("ana"), .group("riskd-board")]
        reread.risk.categories = ["strategic"]
        reread.interests.confirmEveryDays = 180
        reread.ethicsAcknowledgeWithinDays = 14
        reread.review.hour = 7
        reread.logLevel = .debug
        let reload = ConfigurationReload(running: running, reread: reread)
        #expect(reload.needsRestart.isEmpty)
        #expect(reload.applied.access == reread.access)
        #expect(reload.applied.risk == reread.risk)
        #expect(reload.applied.interests == reread.interests)
        #expect(reload.applied.ethicsAcknowledgeWithinDays == 14)
        #expect(reload.applied.review == reread.review)
        #expect(reload.applied.logLevel == .debug)
    }

    /// `running` with the start-only `key` changed.
    func changing(_ key: String) -> Configuration {
        var reread = running
        switch key {
        case "socket": reread.socket = "/tmp/elsewhere.sock"
        case "database": reread.database = "/tmp/elsewhere.sqlite"
        case "socket_mode": reread.socketMode = 0o600
        case "socket_group": reread.socketGroup = "staff"
        case "backup.directory": reread.backup.directory = "/srv/backups"
        case "backup.keep": reread.backup.keep = 3
        case "limits.max_message_bytes": reread.limits.maxMessageBytes = 4096
        case "limits.max_connections": reread.limits.maxConnections = 2
        case "limits.frame_timeout_seconds": reread.limits.frameTimeoutSeconds = 1
        case "limits.admin_connections": reread.limits.adminConnections = 1
        case "limits.board_connections": reread.limits.boardConnections = 1
        case "limits.auditor_connections": reread.limits.auditorConnections = 1
        case "limits.mailer_connections": reread.limits.mailerConnections = 1
        case "limits.no_role_connections": reread.limits.noRoleConnections = 1
        case "limits.max_connections_per_user": reread.limits.maxConnectionsPerUser = 1
        case "limits.idle_timeout_seconds": reread.limits.idleTimeoutSeconds = 1
        case "limits.reply_timeout_seconds": reread.limits.replyTimeoutSeconds = 1
        case "limits.drain_timeout_seconds": reread.limits.drainTimeoutSeconds = 1
        default: Issue.record("no change for \(key)")
        }
        return reread
    }

    @Test(
        "A start-only key is named and keeps its running value",
        arguments: [
            "socket", "database", "socket_mode", "socket_group", "backup.directory", "backup.keep",
            "limits.max_message_bytes", "limits.max_connections", "limits.frame_timeout_seconds",
            "limits.admin_connections", "limits.board_connections", "limits.auditor_connections",
            "limits.mailer_connections", "limits.no_role_connections", "limits.max_connections_per_user",
            "limits.idle_timeout_seconds", "limits.reply_timeout_seconds", "limits.drain_timeout_seconds",
        ]
    )
    func startOnly(key: String) {
        var reread = changing(key)
        reread.access.admins = [.userName("ana")]
        let reload = ConfigurationReload(running: running, reread: reread)
        #expect(reload.needsRestart == [key])
        #expect(reload.applied.socket == running.socket)
        #expect(reload.applied.database == running.database)
        #expect(reload.applied.socketMode == running.socketMode)
        #expect(reload.applied.socketGroup == running.socketGroup)
        #expect(reload.applied.backup == running.backup)
        #expect(reload.applied.limits == running.limits)
        #expect(reload.applied.access.admins == [.userName("ana")], "the reloadable part still applies")
    }

    @Test("Loggers follow the switch unless they pinned a level of their own") func logLevelSwitch() {
        let levels = LogLevelSwitch(.info)
        var follower = Logger(label: "follower") { _ in levels.handler(StreamLogHandler.standardError(label: "test")) }
        var pinned = Logger(label: "pinned") { _ in levels.handler(StreamLogHandler.standardError(label: "test")) }
        pinned.logLevel = .critical
        #expect(follower.logLevel == .info)
        levels.set(.debug)
        #expect(follower.logLevel == .debug)
        #expect(pinned.logLevel == .critical)
        follower[metadataKey: "uid"] = "0"
        #expect(follower[metadataKey: "uid"] == "0")
    }
}
