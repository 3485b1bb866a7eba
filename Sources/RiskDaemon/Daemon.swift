import Foundation
import Logging
import NIOCore
import NIOPosix
import RiskCore
import RiskProtocol
import RiskStore
import RiskSystemd
import ServiceLifecycle
import Varlink

/// riskd assembled: the database, the services of every interface, and the Varlink server on its socket.
///
/// `run()` serves until SIGTERM or SIGINT, then stops accepting, lets calls in flight finish, checkpoints the WAL
/// and returns.
public final class Daemon: Sendable {
    let context: DaemonContext
    package let server: VarlinkServer
    let roles: RoleResolver

    /// Opens the database and prepares the services; nothing listens yet.
    public init(configuration: Configuration, clock: Clock = .system, logger: Logger) throws {
        try FileManager.default.createDirectory(atPath: Self.parent(of: configuration.database),
                                                withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let database = try RiskDatabase(path: configuration.database)
        context = DaemonContext(database: database, configuration: configuration, clock: clock, logger: logger)
        roles = RoleResolver(access: configuration.access, daemonUID: getuid())
        let dispatcher = Dispatcher(
            tables: [
                DaemonService(context: context).methods,
                RiskService(context: context).methods,
                AuditService(context: context).methods,
            ],
            roles: roles, clock: clock, logger: logger)
        let handler: VarlinkService.Handler = { call in await dispatcher.respond(to: call) }
        let service = VarlinkService(
            info: .init(vendor: RiskdProtocol.vendor, product: RiskdProtocol.product, version: RiskdProtocol.version,
                        url: RiskdProtocol.url),
            interfaces: RiskdProtocol.interfaces.map { ($0, handler) })
        let limits = configuration.limits
        server = VarlinkServer(
            service: service,
            limits: .init(maxMessageBytes: limits.maxMessageBytes, maxConnections: limits.maxConnections,
                          frameTimeout: .seconds(Int64(limits.frameTimeoutSeconds))),
            logger: logger)
    }

    /// The database, for tests and tools in the same process.
    public var database: RiskDatabase { context.database }

    /// Serves until a termination signal, as one `ServiceGroup`.
    public func run() async throws {
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: SocketService(daemon: self))],
                                 gracefulShutdownSignals: [.sigterm, .sigint], logger: context.logger))
        try await group.run()
    }

    /// Binds the configured socket, or adopts the one systemd passed; the socket answers once this returns.
    package func listen() async throws -> VarlinkServer.Listener {
        let configuration = context.configuration
        if let descriptor = ServiceManager.listenDescriptors().first {
            context.logger.info("Serving the socket passed by the service manager (fd \(descriptor))")
            return try await server.adopt(descriptor: descriptor)
        }
        let path = configuration.socket
        try FileManager.default.createDirectory(atPath: Self.parent(of: path), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let listener = try await server.bind(path: path)
        chmod(path, mode_t(configuration.socketMode))
        if let group = configuration.socketGroup {
            if let gid = UserDirectory.gid(ofGroup: group) {
                chown(path, uid_t.max, gid)
            } else {
                context.logger.warning("socket_group \(group) does not exist; the socket keeps the daemon's group")
            }
        }
        context.logger.info("Listening on \(path)")
        return listener
    }

    /// The server's part of a graceful shutdown.
    package func drain() {
        server.drain()
    }

    /// The last step of a shutdown: fold the WAL into the database file.
    package func finish() {
        do {
            try context.database.checkpoint()
        } catch {
            context.logger.warning("WAL checkpoint at shutdown failed: \(error)")
        }
    }

    static func parent(of path: String) -> String {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return parent.isEmpty ? "/" : parent
    }
}

/// The Varlink socket as a lifecycle service: listen, report ready, serve, drain on shutdown.
struct SocketService: Service {
    let daemon: Daemon

    func run() async throws {
        let listener = try await daemon.listen()
        let risks = (try? await daemon.database.riskCount()) ?? 0
        ServiceManager.notify("READY=1\nSTATUS=Serving \(risks) risks")
        try await withGracefulShutdownHandler {
            try await daemon.server.serve(listener)
        } onGracefulShutdown: {
            ServiceManager.notify("STOPPING=1\nSTATUS=Finishing calls in flight")
            daemon.drain()
            listener.channel.close(promise: nil)
        }
        daemon.finish()
    }
}
