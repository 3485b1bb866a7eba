import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskStore

/// What the services share: the database, the live configuration (replaced on SIGHUP), the clock and the logger.
final class DaemonContext: Sendable {
    let database: RiskDatabase
    let clock: Clock
    let logger: Logger
    let startedAt: Instant
    private let live: NIOLockedValueBox<Configuration>

    init(database: RiskDatabase, configuration: Configuration, clock: Clock, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.startedAt = clock.now()
        self.live = NIOLockedValueBox(configuration)
    }

    /// The configuration in force now.
    var configuration: Configuration {
        live.withLockedValue { $0 }
    }

    /// Replaces the configuration (the caller has decided which keys may change without a restart).
    func reload(_ configuration: Configuration) {
        live.withLockedValue { $0 = configuration }
    }
}
