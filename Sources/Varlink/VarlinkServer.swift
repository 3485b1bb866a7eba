import Logging
import NIOCore
import NIOPosix

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Serves a `VarlinkService` on a listening Unix socket.
///
/// Each connection is served by a `VarlinkConnectionHandler` at the end of its channel's pipeline, on the
/// channel's event loop: calls are answered one after another, which keeps replies in call order; concurrency
/// comes from many connections. A frame that is not a JSON object with a string `method`, a frame over the size
/// limit, or a partial frame held past the timeout closes that connection only.
public final class VarlinkServer: Sendable {
    /// Bounds that protect the daemon, and its other users, from a misbehaving or hostile client.
    public struct Limits: Sendable, Hashable {
        public var maxMessageBytes: Int
        public var maxConnections: Int
        /// The slots kept for classes of peers, and their ceilings (`ConnectionAdmission`).
        public var shares: [ConnectionShare]
        public var maxConnectionsPerUser: Int
        public var frameTimeout: TimeAmount
        /// A connection with no call in flight and no stream open is closed after this long.
        public var idleTimeout: TimeAmount
        /// A client that leaves its replies unread this long is cut off.
        public var replyTimeout: TimeAmount
        /// After a shutdown starts, connections still busy this long are closed.
        public var drainTimeout: TimeAmount

        public init(
            maxMessageBytes: Int = 1 << 20,
            maxConnections: Int = 256,
            shares: [ConnectionShare] = [],
            maxConnectionsPerUser: Int = 32,
            frameTimeout: TimeAmount = .seconds(30),
            idleTimeout: TimeAmount = .seconds(120),
            replyTimeout: TimeAmount = .seconds(30),
            drainTimeout: TimeAmount = .seconds(10)
        ) {
            self.maxMessageBytes = maxMessageBytes
            self.maxConnections = maxConnections
            self.shares = shares
            self.maxConnectionsPerUser = maxConnectionsPerUser
            self.frameTimeout = frameTimeout
            self.idleTimeout = idleTimeout
            self.replyTimeout = replyTimeout
            self.drainTimeout = drainTimeout
        }
    }

    /// A connection accepted by the listener: served from the moment it was accepted, or refused.
    public struct Connection: Sendable {
        let channel: any Channel
        /// Completes once the connection is closed and its call in flight has ended; `nil` for a connection
        /// refused by the limits, which the accept loop closes.
        let served: EventLoopFuture<Void>?
    }

    /// A bound, listening socket that has not started serving yet.
    public typealias Listener = NIOAsyncChannel<Connection, Never>

    private let service: VarlinkService
    private let limits: Limits
    private let logger: Logger
    private let registry: ConnectionRegistry
    private let share: @Sendable (PeerCredentials) -> String

    /// - Parameter share: the name of the share (in `limits.shares`) a peer's connection counts in, asked once as
    ///   it is accepted.
    public init(
        service: VarlinkService,
        limits: Limits,
        logger: Logger,
        share: @escaping @Sendable (PeerCredentials) -> String = { _ in "" }
    ) {
        self.service = service
        self.limits = limits
        self.logger = logger
        self.share = share
        self.registry = ConnectionRegistry(
            total: limits.maxConnections,
            perUser: limits.maxConnectionsPerUser,
            shares: limits.shares
        )
    }

    /// Binds `path` (replacing a stale socket file) and starts listening; the socket answers from here on.
    public func bind(
        path: String,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    )
        async throws -> Listener
    {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { channel in
                self.makeConnection(channel)
            }
    }

    /// Serves an already listening socket handed over by the service manager (socket activation).
    public func adopt(
        descriptor: CInt,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    )
        async throws -> Listener
    {
        try await ServerBootstrap(group: group)
            .bind(descriptor, cleanupExistingSocketFile: false) { channel in
                self.makeConnection(channel)
            }
    }

    /// Accepts and serves connections until the listener is closed, then waits for the connections to end.
    public func serve(_ listener: Listener) async throws {
        let sweep = Self.sweepInterval(idleTimeout: limits.idleTimeout)
        let sweeper = listener.channel.eventLoop.scheduleRepeatedTask(initialDelay: sweep, delay: sweep) {
            [registry, limits, logger] _ in
            for uid in registry.closeIdle(timeout: limits.idleTimeout) {
                logger.debug("Closing an idle connection", metadata: ["uid": "\(uid)"])
            }
        }
        defer { sweeper.cancel() }
        // The accept loop runs on the listener's event loop, not on Swift's global executor: long methods keep
        // that executor's few threads busy, and a new connection (an administrator's, say) must not queue behind them.
        try await withTaskExecutorPreference(EventLoopTaskExecutor(listener.channel.eventLoop)) {
            try await accept(listener)
        }
    }

    /// Waits for each accepted connection to be served to its end, so that `serve` returns when the last has.
    private func accept(_ listener: Listener) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { inbound in
                for try await connection in inbound {
                    guard let served = connection.served else {
                        connection.channel.close(promise: nil)
                        continue
                    }
                    group.addTask { try? await served.get() }
                }
            }
        }
    }

    /// Starts a graceful shutdown: no new calls start; idle connections close now, busy ones after their reply, and
    /// whatever is still open after `limits.drainTimeout` is closed then. The listener is closed by the caller.
    public func drain(on eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()) {
        registry.drain()
        eventLoop.scheduleTask(in: limits.drainTimeout) { [registry, logger, limits] in
            let closed = registry.closeAll()
            if closed > 0 {
                let seconds = limits.drainTimeout.nanoseconds / 1_000_000_000
                logger.warning("Closed \(closed) connections still busy \(seconds) s after the shutdown began")
            }
        }
    }

    /// How often idle connections are looked for: a quarter of the timeout, between 100 ms and 5 s.
    static func sweepInterval(idleTimeout: TimeAmount) -> TimeAmount {
        .nanoseconds(min(max(idleTimeout.nanoseconds / 4, 100_000_000), 5_000_000_000))
    }

    /// Reads the peer's credentials and, if the limits admit it (`ConnectionRegistry.open`), sets up the pipeline
    /// that serves the connection: reply timeout, frame timeout, framing, and the calls.
    private func makeConnection(_ channel: any Channel) -> EventLoopFuture<Connection> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let future: EventLoopFuture<SocketPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SocketPeerCredentials.option)
        )
        return future.flatMapThrowing { credentials in
            var logger = self.logger
            logger[metadataKey: "uid"] = "\(credentials.uid)"
            logger[metadataKey: "pid"] = "\(credentials.pid)"
            let peer = PeerCredentials(uid: credentials.uid, gid: credentials.gid, pid: credentials.pid)
            if let refusal = self.registry.open(channel, uid: peer.uid, share: self.share(peer)) {
                logger.warning("Refusing a connection: \(refusal)")
                return Connection(channel: channel, served: nil)
            }
            let calls = VarlinkConnectionHandler(
                service: self.service,
                registry: self.registry,
                channel: channel,
                peer: peer,
                logger: logger
            )
            let sync = channel.pipeline.syncOperations
            do {
                try sync.addHandler(ReplyTimeoutHandler(timeout: self.limits.replyTimeout, logger: logger))
                try sync.addHandler(FrameTimeoutHandler(timeout: self.limits.frameTimeout))
                try sync.addHandler(
                    ByteToMessageHandler(NULFrameDecoder(maximumFrameBytes: self.limits.maxMessageBytes))
                )
                try sync.addHandler(calls)
            } catch {
                self.registry.close(channel)
                throw error
            }
            return Connection(channel: channel, served: calls.served)
        }
    }

    /// The layout of Linux `struct ucred`, which Glibc's module does not export without `_GNU_SOURCE`.
    struct SocketPeerCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
        /// `SO_PEERCRED` on Linux.
        static let option: Int32 = 17
    }
}
