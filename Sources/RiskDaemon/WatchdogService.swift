import RiskSystemd
import ServiceLifecycle

/// Pings the service manager's watchdog (`WatchdogSec=`) while the daemon still serves.
///
/// Every `interval` (half of `WATCHDOG_USEC`) it asks `Daemon.isServing()` — the event loops and a call through
/// the dispatcher to the database — and pings only once that answers. A wedged daemon stops pinging, and systemd
/// kills and restarts it. It keeps pinging while the socket drains at shutdown, and stops last.
struct WatchdogService: Service {
    let daemon: Daemon
    let interval: Duration

    func run() async throws {
        let logger = daemon.context.logger
        logger.info("Watchdog enabled: a health check and a ping every \(interval)")
        var failing = false
        while !Task.isShuttingDownGracefully {
            guard (try? await cancelWhenGracefulShutdown({ try await Task.sleep(for: interval) })) != nil else {
                return
            }
            if await daemon.isServing() {
                ServiceManager.watchdogPing()
                if failing { logger.notice("Health check passes again; watchdog pings resumed") }
                failing = false
            } else if !failing {
                logger.error("Health check failed: no watchdog ping until the daemon answers again")
                failing = true
            }
        }
    }
}
