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
/// Each connection is served by one task, on its channel's event loop (`EventLoopTaskExecutor`): calls are
/// answered one after another, which keeps replies in call order; concurrency comes from many connections.
/// A frame that is not a JSON object with a string `method`, a frame over the size limit, or a partial frame
/// held past the timeout closes that connection only.
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

    /// A connection accepted by the listener, with the credentials of its peer.
    public struct Connection: Sendable {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        let peer: PeerCredentials
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

    private func accept(_ listener: Listener) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { inbound in
                for try await connection in inbound {
                    let channel = connection.channel.channel
                    if let refusal = registry.open(
                        channel,
                        uid: connection.peer.uid,
                        share: share(connection.peer)
                    ) {
                        logger.warning(
                            "Refusing a connection: \(refusal)",
                            metadata: ["uid": "\(connection.peer.uid)", "pid": "\(connection.peer.pid)"]
                        )
                        group.addTask {
                            try? await connection.channel.executeThenClose { _, _ in }
                        }
                        continue
                    }
                    group.addTask(executorPreference: EventLoopTaskExecutor(channel.eventLoop)) {
                        await self.handle(connection)
                    }
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
            let sync = channel.pipeline.syncOperations
            try sync.addHandler(ReplyTimeoutHandler(timeout: self.limits.replyTimeout, logger: logger))
            try sync.addHandler(FrameTimeoutHandler(timeout: self.limits.frameTimeout))
            try sync.addHandler(ByteToMessageHandler(NULFrameDecoder(maximumFrameBytes: self.limits.maxMessageBytes)))
            let asyncChannel = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            let peer = PeerCredentials(uid: credentials.uid, gid: credentials.gid, pid: credentials.pid)
            return Connection(channel: asyncChannel, peer: peer)
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

    private func handle(_ connection: Connection) async {
        let channel = connection.channel.channel
        var logger = self.logger
        logger[metadataKey: "uid"] = "\(connection.peer.uid)"
        logger[metadataKey: "pid"] = "\(connection.peer.pid)"
        defer { registry.close(channel) }
        // Replies go straight into the channel (`ReplyWriter`), not through the async channel's outbound writer.
        let replies = ReplyWriter(channel: channel)
        do {
            try await connection.channel.executeThenClose { inbound, _ in
                for try await frame in inbound {
                    guard registry.begin(channel) else { return }
                    let call: VarlinkCall
                    switch Self.parseCall(frame, peer: connection.peer) {
                    case .call(let parsed):
                        call = parsed
                    case .refused(let error, let oneway):
                        logger.notice("Refusing a call: \(error)")
                        if !oneway {
                            try await replies.send(error)
                        }
                        guard registry.end(channel) else { return }
                        continue
                    case .unreadable:
                        logger.notice("Closing a connection: a frame is not a JSON object with a string method")
                        return
                    }
                    let response = await service.respond(to: call)
                    if !call.oneway {
                        try await send(response, through: replies, more: call.more)
                    }
                    guard registry.end(channel) else { return }
                }
            }
        } catch let error as NULFrameDecoder.FrameTooLarge {
            logger.notice("Closing a connection: a frame is larger than \(error.limit) bytes")
        } catch is PartialFrameTimeout {
            logger.notice("Closing a connection: a partial frame was held past the frame timeout")
        } catch {
            logger.debug("Connection ended: \(error)")
        }
    }

    private func send(_ response: VarlinkResponse, through replies: ReplyWriter, more: Bool) async throws {
        switch response {
        case .reply(let parameters):
            try await replies.send(parameters: parameters, continues: false)
        case .error(let error):
            try await replies.send(error)
        case .stream(let elements):
            // A stream may wait a long time between replies: it is not idle (no idle timeout), but a shutdown
            // closes it at once, and it ends when the connection closes.
            let channel = replies.channel
            guard registry.end(channel) else { return }
            registry.streaming(channel, true)
            defer { registry.streaming(channel, false) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await element in elements {
                        try await replies.send(parameters: element.parameters, continues: element.continues && more)
                        if !element.continues || !more { return }
                    }
                }
                // `closeFuture.get()` ignores cancellation; a stream finishing on its own would then wait for the
                // client to hang up. This waiter ends on either.
                let (closed, closing) = AsyncStream<Never>.makeStream()
                channel.closeFuture.whenComplete { _ in closing.finish() }
                group.addTask {
                    for await _ in closed {}
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
