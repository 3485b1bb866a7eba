import NIOCore

/// Writes the replies of one connection straight into its channel, each as one buffer holding the whole frame.
///
/// The connection's task runs on the channel's event loop (`EventLoopTaskExecutor`), so a reply enters the
/// pipeline at once: no queue of the async channel's outbound writer, no second pass through a frame encoder. (A
/// write made off the loop is queued onto it; as one task makes every write of a connection, one after another,
/// replies leave in the order they are sent either way.) Backpressure is kept: while the channel is unwritable
/// (its write buffer past the high-water mark: the client is not reading), a reply waits until it has gone out, so
/// the task reads no further calls meanwhile; `ReplyTimeoutHandler` closes a channel left unwritable too long,
/// which ends that wait with an error.
struct ReplyWriter: Sendable {
    let channel: any Channel

    /// Sends `{"parameters":…}` (with `"continues":true` when `continues`) and its NUL.
    func send(parameters: [UInt8], continues: Bool) async throws {
        var frame = VarlinkJSON.replyMessage(parameters: parameters, continues: continues, allocator: channel.allocator)
        frame.writeInteger(UInt8(0))
        try await send(frame)
    }

    /// Sends the error message of `error` and its NUL.
    func send(_ error: VarlinkError) async throws {
        let message = VarlinkJSON.errorMessage(error)
        var frame = channel.allocator.buffer(capacity: message.count + 1)
        frame.writeBytes(message)
        frame.writeInteger(UInt8(0))
        try await send(frame)
    }

    private func send(_ frame: ByteBuffer) async throws {
        if channel.isWritable {
            channel.writeAndFlush(frame, promise: nil)
        } else {
            try await channel.writeAndFlush(frame).get()
        }
    }
}
