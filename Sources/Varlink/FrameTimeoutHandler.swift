import NIOCore

/// Closes a connection that has held a partial frame for longer than `timeout`.
///
/// It watches raw bytes before the frame decoder: a partial frame is pending exactly when the last byte received
/// was not a NUL. An idle connection between calls is not timed out.
final class FrameTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var pending: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data).readableBytesView
        if bytes.last == 0 {
            pending?.cancel()
            pending = nil
        } else if pending == nil, !bytes.isEmpty {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            pending = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                loopBound.value.fireErrorCaught(PartialFrameTimeout())
                loopBound.value.close(promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }
}

/// A connection held a partial frame past `limits.frame_timeout_seconds`.
public struct PartialFrameTimeout: Error, Hashable {}
