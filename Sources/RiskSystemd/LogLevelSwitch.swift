import Logging
import Synchronization

/// The lowest level riskd logs at, shared by every logger and changed while running (`[log] level` on SIGHUP).
///
/// swift-log copies a handler's level into each `Logger`; a handler made by `handler(_:)` reads this switch
/// instead, so one `set` reaches loggers created long before it.
public final class LogLevelSwitch: Sendable {
    private let current: Mutex<Logger.Level>

    public init(_ level: Logger.Level) {
        current = Mutex(level)
    }

    /// The level in force.
    public var level: Logger.Level {
        current.withLock { $0 }
    }

    /// Changes the level of every handler made by this switch.
    public func set(_ level: Logger.Level) {
        current.withLock { $0 = level }
    }

    /// `base`, logging at this switch's level whatever its own.
    public func handler(_ base: some LogHandler) -> some LogHandler {
        Handler(base: base, levels: self)
    }

    /// A handler that takes its level from the switch, unless the code holding its logger set one of its own.
    struct Handler<Base: LogHandler>: LogHandler {
        var base: Base
        let levels: LogLevelSwitch
        var pinned: Logger.Level?

        init(base: Base, levels: LogLevelSwitch) {
            self.base = base
            self.levels = levels
        }

        var logLevel: Logger.Level {
            get { pinned ?? levels.level }
            set { pinned = newValue }
        }

        var metadata: Logger.Metadata {
            get { base.metadata }
            set { base.metadata = newValue }
        }

        var metadataProvider: Logger.MetadataProvider? {
            get { base.metadataProvider }
            set { base.metadataProvider = newValue }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { base[metadataKey: key] }
            set { base[metadataKey: key] = newValue }
        }

        func log(event: LogEvent) {
            base.log(event: event)
        }
    }
}
