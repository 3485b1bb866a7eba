import Logging
import NIOCore

/// Closes a connection whose client has stopped reading its replies for longer than `timeout`.
///
/// Replies are written through the channel's write buffer; once it passes its high-water mark the channel turns
/// unwritable, and `VarlinkConnectionHandler` serves no further call and stops reading from that client until it
/// turns writable again (backpressure: nothing is buffered without bound). This handler ends the wait: a channel
/// unwritable for `timeout` is closed, and the cut-off is logged at notice level with the client's uid (in
/// `logger`'s metadata).
final class ReplyTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let logger: Logger
    private var pending: Scheduled<Void>?

    /// - Parameter logger: carries the peer's uid and pid as metadata.
    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            pending?.cancel()
            pending = nil
        } else if pending == nil {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let (logger, seconds) = (self.logger, timeout.nanoseconds / 1_000_000_000)
            pending = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                logger.notice("Closing a connection: its client left its replies unread for \(seconds) s")
                loopBound.value.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }
}
