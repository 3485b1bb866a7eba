import Logging
import NIOCore

/// Serves the calls of one connection, from its frames (cut by `NULFrameDecoder`) to its replies, on the
/// connection's event loop.
///
/// Each call is answered by `VarlinkService.respond(to:)` in a task started in place (`Task.immediate`, with the
/// loop as its executor preference): a call whose handler does not suspend — a read of a few rows, a refusal —
/// runs from `channelRead` to `writeAndFlush` on the loop thread, in this handler's call stack, and its task is
/// never enqueued nor resumed. A call that suspends (a commit, `work: .long`) returns the loop to its other
/// connections and is answered when its task comes back to the loop.
///
/// Calls are answered one at a time, in the order they came: frames that arrive meanwhile wait in `pending`.
/// Reading stops (the pipeline's `read` is held) while `pending` holds `maxPendingFrames` or while the channel is
/// unwritable — its client is not reading its replies; `ReplyTimeoutHandler` cuts it off after a while — so
/// nothing is buffered without bound, and no further call is served until the replies have room.
///
/// The connection counts in the `ConnectionRegistry` from its admission until it is closed *and* its call in
/// flight (if any) has ended; `served` completes then, which is what the server waits for when it drains.
final class VarlinkConnectionHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Frames read but not yet served at which reading stops until the call in flight ends.
    static let maxPendingFrames = 16

    private let service: VarlinkService
    private let registry: ConnectionRegistry
    private let channel: any Channel
    private let peer: PeerCredentials
    private let logger: Logger
    private let executor: EventLoopTaskExecutor
    private let servedPromise: EventLoopPromise<Void>

    private var context: ChannelHandlerContext?
    private var pending = CircularBuffer<ByteBuffer>()
    /// A call is in flight: from its frame to its reply, or to the end of its stream.
    private var busy = false
    /// `pump` is serving frames: a call answered synchronously returns to its loop instead of pumping again.
    private var pumping = false
    /// A `read` was held back, to be passed on once reading may resume.
    private var readHeld = false
    /// The error after which the connection closes, once the frames read before it have been served.
    private var failure: (any Error)?
    /// The channel is closed, or closing: nothing more is read or served.
    private var closed = false
    /// The connection still counts in the registry.
    private var registered = true

    /// - Parameters:
    ///   - channel: the connection, already admitted by `registry`.
    ///   - logger: carries the peer's uid and pid as metadata.
    init(
        service: VarlinkService,
        registry: ConnectionRegistry,
        channel: any Channel,
        peer: PeerCredentials,
        logger: Logger
    ) {
        self.service = service
        self.registry = registry
        self.channel = channel
        self.peer = peer
        self.logger = logger
        self.executor = EventLoopTaskExecutor(channel.eventLoop)
        self.servedPromise = channel.eventLoop.makePromise()
    }

    /// Completes once the connection is closed and no call of it is in flight.
    var served: EventLoopFuture<Void> { servedPromise.futureResult }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        closedDown()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closed, failure == nil else { return }
        pending.append(unwrapInboundIn(data))
        pump()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        pump()
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closedDown()
        context.fireChannelInactive()
    }

    /// A frame too large, a partial frame held too long (whose handler closes the channel itself), or a socket
    /// error: the frames read before it are still served, then the connection closes.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard failure == nil else { return }
        failure = error
        switch error {
        case let error as NULFrameDecoder.FrameTooLarge:
            logger.notice("Closing a connection: a frame is larger than \(error.limit) bytes")
        case is PartialFrameTimeout:
            logger.notice("Closing a connection: a partial frame was held past the frame timeout")
        default:
            logger.debug("Connection ended: \(error)")
        }
        pump()
    }

    func read(context: ChannelHandlerContext) {
        if holdsReads {
            readHeld = true
        } else {
            context.read()
        }
    }

    private var holdsReads: Bool {
        failure != nil || pending.count >= Self.maxPendingFrames || context?.channel.isWritable == false
    }

    /// Serves the pending frames one call at a time while the channel has room for replies, then closes the
    /// connection if it failed, or lets reading resume.
    private func pump() {
        guard !pumping else { return }
        pumping = true
        defer { pumping = false }
        while !busy, !closed, let context, context.channel.isWritable, let frame = pending.popFirst() {
            serve(frame, context: context)
        }
        guard !closed, let context else { return }
        if failure != nil, pending.isEmpty, !busy {
            context.close(promise: nil)
        } else if readHeld, !holdsReads {
            readHeld = false
            context.read()
        }
    }

    private func serve(_ frame: ByteBuffer, context: ChannelHandlerContext) {
        guard registry.begin(context.channel) else {
            context.close(promise: nil)
            return
        }
        switch VarlinkServer.parseCall(frame, peer: peer) {
        case .call(let call):
            busy = true
            respond(to: call, eventLoop: context.eventLoop)
        case .refused(let error, let oneway):
            logger.notice("Refusing a call: \(error)")
            if !oneway {
                let reply = ReplyWriter.frame(error, allocator: context.channel.allocator)
                context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
            }
            callEnded(context: context)
        case .unreadable:
            logger.notice("Closing a connection: a frame is not a JSON object with a string method")
            context.close(promise: nil)
        }
    }

    /// Answers `call` in a task started on this thread; the reply is written here when the task did not suspend,
    /// or when it comes back to the loop.
    private func respond(to call: VarlinkCall, eventLoop: any EventLoop) {
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        let service = self.service
        let registry = self.registry
        let channel = self.channel
        Task.immediate(executorPreference: executor) {
            let response = await service.respond(to: call)
            // (Named in full: `Self` here trips the compiler's region-based isolation checker, Swift 6.3.1.)
            let streamEnded = await VarlinkConnectionHandler.stream(
                response,
                of: call,
                channel: channel,
                registry: registry
            )
            // Still in `pump`, on the loop, when nothing suspended: answered in place. Otherwise through the loop
            // (the task may have ended on another thread after `work: .long`).
            if eventLoop.inEventLoop, handler.value.pumping {
                handler.value.answered(call, response, streamEnded: streamEnded)
            } else {
                eventLoop.execute { handler.value.answered(call, response, streamEnded: streamEnded) }
            }
        }
    }

    /// Writes the reply (a stream was written by its task), ends the call, and serves the next pending frame.
    private func answered(_ call: VarlinkCall, _ response: VarlinkResponse, streamEnded: Bool) {
        busy = false
        guard let context, !closed else {
            closedDown()
            return
        }
        if !call.oneway {
            let allocator = context.channel.allocator
            switch response {
            case .reply(let parameters):
                let frame = ReplyWriter.frame(parameters: parameters, continues: false, allocator: allocator)
                context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
            case .error(let error):
                context.writeAndFlush(wrapOutboundOut(ReplyWriter.frame(error, allocator: allocator)), promise: nil)
            case .stream:
                break
            }
        }
        guard streamEnded else {
            context.close(promise: nil)
            return
        }
        callEnded(context: context)
    }

    /// Marks the call as ended in the registry (which says whether a shutdown has begun) and serves the next.
    private func callEnded(context: ChannelHandlerContext) {
        guard registry.end(context.channel) else {
            context.close(promise: nil)
            return
        }
        pump()
    }

    /// The channel is closed: pending frames are dropped; once no call is in flight the connection leaves the
    /// registry and `served` completes.
    private func closedDown() {
        closed = true
        pending.removeAll()
        guard !busy, registered else { return }
        registered = false
        registry.close(channel)
        servedPromise.succeed()
    }

    /// Writes the replies of a stream (for a call that is not `oneway`) as its elements come; `false` when the
    /// connection is to close (a shutdown began, or a reply could not be written). Any other response: `true`.
    ///
    /// A stream may wait a long time between replies: it is not idle (no idle timeout), but a shutdown closes it
    /// at once, and it ends when the connection closes.
    private static func stream(
        _ response: VarlinkResponse,
        of call: VarlinkCall,
        channel: any Channel,
        registry: ConnectionRegistry
    ) async -> Bool {
        guard case .stream(let elements) = response, !call.oneway else { return true }
        let more = call.more
        guard registry.end(channel) else { return false }
        registry.streaming(channel, true)
        defer { registry.streaming(channel, false) }
        let replies = ReplyWriter(channel: channel)
        do {
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
            return true
        } catch {
            return false
        }
    }
}
