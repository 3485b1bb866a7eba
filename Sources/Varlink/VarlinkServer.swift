import Foundation
import Logging
import NIOCore
import NIOPosix

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
    /// Bounds that protect the daemon from a misbehaving client.
    public struct Limits: Sendable, Hashable {
        public var maxMessageBytes: Int
        public var maxConnections: Int
        public var frameTimeout: TimeAmount

        public init(maxMessageBytes: Int = 1 << 20, maxConnections: Int = 256, frameTimeout: TimeAmount = .seconds(30)) {
            self.maxMessageBytes = maxMessageBytes
            self.maxConnections = maxConnections
            self.frameTimeout = frameTimeout
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

    public init(service: VarlinkService, limits: Limits, logger: Logger) {
        self.service = service
        self.limits = limits
        self.logger = logger
        self.registry = ConnectionRegistry(limit: limits.maxConnections)
    }

    /// Binds `path` (replacing a stale socket file) and starts listening; the socket answers from here on.
    public func bind(path: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws -> Listener
    {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { channel in
                self.makeConnection(channel)
            }
    }

    /// Serves an already listening socket handed over by the service manager (socket activation).
    public func adopt(descriptor: CInt, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws -> Listener
    {
        try await ServerBootstrap(group: group)
            .bind(descriptor, cleanupExistingSocketFile: false) { channel in
                self.makeConnection(channel)
            }
    }

    /// Accepts and serves connections until the listener is closed, then waits for the connections to end.
    public func serve(_ listener: Listener) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { inbound in
                for try await connection in inbound {
                    guard registry.open(connection.channel.channel) else {
                        logger.warning("Refusing a connection: \(limits.maxConnections) connections are open",
                                       metadata: ["uid": "\(connection.peer.uid)"])
                        group.addTask {
                            try? await connection.channel.executeThenClose { _, _ in }
                        }
                        continue
                    }
                    group.addTask(executorPreference: EventLoopTaskExecutor(connection.channel.channel.eventLoop)) {
                        await self.handle(connection)
                    }
                }
            }
        }
    }

    /// Starts a graceful shutdown: no new calls start; idle connections close now, busy ones after their reply.
    /// The listener itself is closed by the caller.
    public func drain() {
        registry.drain()
    }

    /// Connections open now (for status reports and tests).
    public var openConnections: Int { registry.count }

    private func makeConnection(_ channel: any Channel) -> EventLoopFuture<Connection> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let future: EventLoopFuture<SocketPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SocketPeerCredentials.option))
        return future.flatMapThrowing { credentials in
            let sync = channel.pipeline.syncOperations
            try sync.addHandler(FrameTimeoutHandler(timeout: self.limits.frameTimeout))
            try sync.addHandler(ByteToMessageHandler(NULFrameDecoder(maximumFrameBytes: self.limits.maxMessageBytes)))
            try sync.addHandler(MessageToByteHandler(NULFrameEncoder()))
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
        do {
            try await connection.channel.executeThenClose { inbound, outbound in
                for try await frame in inbound {
                    guard registry.begin(channel) else { return }
                    guard let call = Self.parseCall(frame, peer: connection.peer) else {
                        logger.notice("Closing a connection: a frame is not a JSON object with a string method")
                        return
                    }
                    let response = await service.respond(to: call)
                    if !call.oneway {
                        try await write(response, to: outbound, closing: channel, more: call.more)
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

    private func write(_ response: VarlinkResponse, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                       closing channel: any Channel, more: Bool) async throws {
        switch response {
        case .reply(let parameters):
            try await outbound.write(ByteBuffer(bytes: VarlinkJSON.replyMessage(parameters: parameters, continues: false)))
        case .error(let error):
            try await outbound.write(ByteBuffer(bytes: VarlinkJSON.errorMessage(error)))
        case .stream(let replies):
            // A stream may wait a long time between replies: the connection counts as idle meanwhile, and the
            // stream ends when the connection closes.
            _ = registry.end(channel)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await element in replies {
                        let message = VarlinkJSON.replyMessage(parameters: element.parameters,
                                                               continues: element.continues && more)
                        try await outbound.write(ByteBuffer(bytes: message))
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

    private struct CallHeader: Decodable {
        var method: String
        var oneway: Bool?
        var more: Bool?
        var upgrade: Bool?
    }

    static func parseCall(_ frame: ByteBuffer, peer: PeerCredentials) -> VarlinkCall? {
        let data = Data(frame.readableBytesView)
        guard let header = try? JSONDecoder().decode(CallHeader.self, from: data) else { return nil }
        return VarlinkCall(method: header.method, oneway: header.oneway ?? false, more: header.more ?? false,
                           upgrade: header.upgrade ?? false, peer: peer, frame: data)
    }
}
