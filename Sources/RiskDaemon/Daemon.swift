import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RiskCore
import RiskProtocol
import RiskStore
import RiskSystemd
import ServiceLifecycle
import UnixSignals
import Varlink

/// riskd assembled: the database, the services of every interface, and the Varlink server on its socket.
///
/// `run()` serves until SIGTERM or SIGINT, then stops accepting, lets calls in flight finish, checkpoints the WAL
/// and returns. SIGHUP reloads the configuration; under systemd it reports its state with `sd_notify` and pings the
/// watchdog (see `Daemon+Lifecycle.swift`).
public final class Daemon: Sendable {
    let context: DaemonContext
    package let server: VarlinkServer
    let roles: RoleResolver
    /// The Varlink service the socket answers with, also called by the watchdog's health check.
    ///
    /// `package` so that the fuzz harness (RiskFuzzing) answers calls with the very service the socket uses.
    package let service: VarlinkService
    /// Where the configuration came from, read again on SIGHUP; `nil` in tests that build one by hand.
    let origin: ConfigurationSource.Origin?
    /// The log level every logger follows, changed on SIGHUP; `nil` when logging was set up elsewhere.
    let logLevel: LogLevelSwitch?
    /// The socket being served, once `listen()` returned.
    let serving = NIOLockedValueBox<ServingSocket?>(nil)
    /// The review runner shared by the schedule and `review.Run`.
    let reviews: ReviewRunner
    /// The sockets the service manager passed (socket activation), read once: reading clears them.
    let listenDescriptors: [Int32]
    /// The locks that keep a second riskd off this database and socket, held while the daemon lives.
    let locks: [InstanceLock]
    /// The listening sockets riskd bound itself, closed at shutdown.
    let listeners = NIOLockedValueBox<[any Channel]>([])
    /// Sockets bound again after their file was removed (SIGHUP), for the socket service to serve.
    let replacementListeners = AsyncStream<VarlinkServer.Listener>.makeStream()

    /// Opens the database and prepares the services; nothing listens yet.
    ///
    /// - Parameters:
    ///   - origin: where `configuration` was read from; SIGHUP reads it again.
    ///   - logLevel: the switch the loggers were bootstrapped with; SIGHUP sets it from `[log] level`.
    ///   - acceptAuditHead: the current audit head, to accept a chain that no longer holds the recorded head
    ///     (`--accept-audit-head`); the acceptance is audited.
    /// - Throws: `AuditHeadGuard.Refusal` when the audit chain is shorter than the head recorded beside the
    ///   database, `FileRefusal` when the database path is not a database of riskd's.
    public convenience init(
        configuration: Configuration,
        origin: ConfigurationSource.Origin? = nil,
        logLevel: LogLevelSwitch? = nil,
        clock: Clock = .system,
        acceptAuditHead: String? = nil,
        logger: Logger
    ) throws {
        try FileManager.default.createDirectory(
            atPath: Self.parent(of: configuration.database),
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        let listenDescriptors = ServiceManager.listenDescriptors()
        let locks = try Self.lock(configuration, socketActivated: !listenDescriptors.isEmpty)
        let database: RiskDatabase
        let opened: CalendarDate
        do {
            database = try RiskDatabase(path: configuration.database)
            try AuditHeadGuard(database: database, clock: clock, logger: logger).check(accept: acceptAuditHead)
            opened = try database.recordRegisterOpenedBlocking(today: clock.today())
        } catch {
            for lock in locks { lock.discardCreatedFile() }
            throw error
        }
        self.init(
            configuration: configuration,
            database: database,
            roles: RoleResolver(access: configuration.access, daemonUID: getuid()),
            registerOpenedOn: opened,
            listenDescriptors: listenDescriptors,
            locks: locks,
            origin: origin,
            logLevel: logLevel,
            clock: clock,
            logger: logger
        )
    }

    /// Prepares the services over a database already open, with roles resolved by `roles`; nothing listens yet.
    ///
    /// `package` for the fuzz harness (RiskFuzzing), which serves an in-memory database to callers whose roles come
    /// from a table instead of NSS, without locks or passed sockets. The daemon itself is built with the
    /// initialiser above, which takes the locks, checks the audit head and calls this one.
    package init(
        configuration: Configuration,
        database: RiskDatabase,
        roles: RoleResolver,
        registerOpenedOn: CalendarDate? = nil,
        listenDescriptors: [Int32] = [],
        locks: [InstanceLock] = [],
        origin: ConfigurationSource.Origin? = nil,
        logLevel: LogLevelSwitch? = nil,
        clock: Clock,
        logger: Logger
    ) {
        self.origin = origin
        self.logLevel = logLevel
        self.listenDescriptors = listenDescriptors
        self.locks = locks
        context = DaemonContext(
            database: database,
            configuration: configuration,
            clock: clock,
            logger: logger,
            registerOpenedOn: registerOpenedOn,
            roles: roles
        )
        self.roles = roles
        // What documents read from the configuration holds from this start on; a change since the last is audited.
        context.recordDocumentSettingsAtStart()
        reviews = ReviewRunner(context: context, sink: JournalAlertSink(logger: logger), events: FindingEvents())
        let dispatcher = Dispatcher(
            tables: [
                DaemonService(context: context).methods,
                RiskService(context: context).methods,
                AuditService(context: context).methods,
                EthicsService(context: context).methods,
                OrganisationService(context: context).methods,
                InterestService(context: context).methods,
                MeetingService(context: context).methods,
                ConcernService(context: context).methods,
                MemberService(context: context, roles: roles).methods,
                ReviewService(context: context, runner: reviews).methods,
                ReportService(context: context).methods,
                MailService(context: context).methods,
            ],
            roles: roles,
            clock: clock,
            logger: logger,
            members: MemberTracker(database: database, logger: logger)
        )
        let handler: VarlinkService.Handler = { call in await dispatcher.respond(to: call) }
        service = VarlinkService(
            info: .init(
                vendor: RiskdProtocol.vendor,
                product: RiskdProtocol.product,
                version: RiskdProtocol.version,
                url: RiskdProtocol.url
            ),
            interfaces: RiskdProtocol.interfaces.map { ($0, handler) }
        )
        let limits = configuration.limits
        server = VarlinkServer(
            service: service,
            limits: .init(
                maxMessageBytes: limits.maxMessageBytes,
                maxConnections: limits.maxConnections,
                shares: RoleShares.shares(limits),
                maxConnectionsPerUser: limits.maxConnectionsPerUser,
                frameTimeout: .seconds(Int64(limits.frameTimeoutSeconds)),
                idleTimeout: .seconds(Int64(limits.idleTimeoutSeconds)),
                replyTimeout: .seconds(Int64(limits.replyTimeoutSeconds)),
                drainTimeout: .seconds(Int64(limits.drainTimeoutSeconds))
            ),
            logger: logger,
            share: { [roles] peer in RoleShares.share(of: roles.caller(uid: peer.uid).roles) }
        )
    }

    /// The database, for tests and tools in the same process.
    public var database: RiskDatabase { context.database }

    /// Serves until a termination signal, as one `ServiceGroup`.
    ///
    /// The group shuts its services down in reverse order: the watchdog, first in the list, pings until the
    /// socket has drained.
    public func run() async throws {
        // Trapped before anything reports ready, so that an early `systemctl reload` does not kill the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        // What riskd sees of the board at start is recorded before it answers anyone: the spans it opens or closes
        // are audited, and a caller's first look at the chain must not race them.
        await reviews.observeBoard(at: context.clock.now())
        var lifecycle: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let microseconds = ServiceManager.watchdogMicroseconds() {
            lifecycle.append(
                .init(
                    service: WatchdogService(
                        daemon: self,
                        interval: .microseconds(Int64(microseconds / 2))
                    )
                )
            )
        }
        lifecycle.append(.init(service: ReloadService(daemon: self, hangups: hangups)))
        let group = ServiceGroup(
            configuration: .init(
                services: lifecycle + [
                    .init(service: SocketService(daemon: self)),
                    .init(service: ReviewScheduler(runner: reviews, context: context)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: context.logger
            )
        )
        try await group.run()
    }

    /// Takes the database lock, and the socket lock unless the service manager passed the socket, before anything
    /// is opened or bound.
    private static func lock(_ configuration: Configuration, socketActivated: Bool) throws -> [InstanceLock] {
        var locks = [
            try InstanceLock(
                path: configuration.database + ".lock",
                guarding: "the database \(configuration.database)"
            )
        ]
        if !socketActivated {
            let socket = configuration.socket
            do {
                try FileManager.default.createDirectory(
                    atPath: parent(of: socket),
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755]
                )
                locks.append(try InstanceLock(path: socket + ".lock", guarding: "the socket \(socket)"))
            } catch {
                for lock in locks { lock.discardCreatedFile() }
                throw error
            }
        }
        return locks
    }

    static func parent(of path: String) -> String {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return parent.isEmpty ? "/" : parent
    }
}
