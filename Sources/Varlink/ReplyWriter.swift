import NIOCore

/// The reply frames of a connection, each one buffer holding the whole message and its NUL; and the writer of a
/// stream's replies, which waits for room.
///
/// `VarlinkConnectionHandler` writes a call's one reply on the loop at once and serves no further call while the
/// channel is unwritable. A stream's replies are written by the call's task as its elements come: while the
/// channel is unwritable (its write buffer past the high-water mark: the client is not reading), a reply waits
/// until it has gone out; `ReplyTimeoutHandler` closes a channel left unwritable too long, which ends that wait
/// with an error. (A write made off the loop is queued onto it; one task makes every write of a stream, one after
/// another, so its replies leave in order.)
struct ReplyWriter: Sendable {
    let channel: any Channel

    /// `{"parameters":…}` (with `"continues":true` when `continues`) and its NUL.
    static func frame(parameters: [UInt8], continues: Bool, allocator: ByteBufferAllocator) -> ByteBuffer {
        var frame = VarlinkJSON.replyMessage(parameters: parameters, continues: continues, allocator: allocator)
        frame.writeInteger(UInt8(0))
        return frame
    }

    /// The error message of `error` and its NUL.
    static func frame(_ error: VarlinkError, allocator: ByteBufferAllocator) -> ByteBuffer {
        let message = VarlinkJSON.errorMessage(error)
        var frame = allocator.buffer(capacity: message.count + 1)
        frame.writeBytes(message)
        frame.writeInteger(UInt8(0))
        return frame
    }

    /// Sends one reply of a stream.
    func send(parameters: [UInt8], continues: Bool) async throws {
        let frame = Self.frame(parameters: parameters, continues: continues, allocator: channel.allocator)
        if channel.isWritable {
            channel.writeAndFlush(frame, promise: nil)
        } else {
            try await channel.writeAndFlush(frame).get()
        }
    }
}
