import NIOCore

/// Splits a byte stream into NUL-terminated frames, refusing any frame longer than `maximumFrameBytes`.
///
/// A frame is emitted without its NUL. Too long a frame is an error (`FrameTooLarge`), which closes the
/// connection: the stream cannot be resynchronised safely.
public struct NULFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    /// The frame exceeded the configured bound.
    public struct FrameTooLarge: Error, Hashable {
        public let limit: Int
    }

    private let maximumFrameBytes: Int
    /// How far the buffer has already been searched for a NUL, so a slow sender is not rescanned each read.
    private var scanned = 0

    public init(maximumFrameBytes: Int) {
        self.maximumFrameBytes = maximumFrameBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let start = view.startIndex + scanned
        guard let nul = view[start...].firstIndex(of: 0) else {
            scanned = view.count
            if view.count > maximumFrameBytes { throw FrameTooLarge(limit: maximumFrameBytes) }
            return .needMoreData
        }
        let length = nul - view.startIndex
        if length > maximumFrameBytes { throw FrameTooLarge(limit: maximumFrameBytes) }
        guard let frame = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        scanned = 0
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        // A partial frame at end of stream is dropped: its call was never complete.
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.clear()
        return .needMoreData
    }
}
