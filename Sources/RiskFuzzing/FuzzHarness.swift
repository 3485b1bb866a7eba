import Foundation
import NIOCore
import NIOEmbedded
import Varlink

/// One fuzz input run through riskd as the server would run a connection: frames cut by the server's decoder,
/// headers read by the server's parser, calls answered by riskd's dispatcher over an in-memory database.
///
/// The first byte of an input is its `FuzzInputHeader` (who calls, how the bytes arrive); the rest is what the
/// peer sends. Every message riskd would write back is checked by `ReplyInvariants`: a violated invariant, like any
/// trap in the daemon's code, stops the process, which libFuzzer reports as a crash and `make test` as a failure.
package enum FuzzHarness {
    /// Runs one input; returns normally unless riskd trapped or broke an invariant (then the process stops).
    ///
    /// - Parameter trace: given each message riskd would write, after it was checked (`riskd-fuzz -v FILE`).
    package static func run(_ bytes: [UInt8], trace: (@Sendable (Data) -> Void)? = nil) {
        let header = FuzzInputHeader(bytes.first ?? 0)
        let target = FuzzTarget.shared.next()
        let frames = decodeFrames(
            bytes.dropFirst(),
            chunkSize: header.chunkSize,
            maximumFrameBytes: target.maximumFrameBytes
        )
        guard !frames.isEmpty else { return }
        let peer = target.peer(header.caller)
        BlockingBridge.wait {
            await answer(frames, from: peer, with: target, trace: trace)
        }
    }

    /// The frames the server would read from `bytes`, sent in chunks of `chunkSize` (all at once when `nil`), up to
    /// the first error: past a frame too large, or at the end, the server reads nothing more from the connection.
    static func decodeFrames(
        _ bytes: ArraySlice<UInt8>,
        chunkSize: Int?,
        maximumFrameBytes: Int
    ) -> [ByteBuffer] {
        let channel = EmbeddedChannel(
            handler: ByteToMessageHandler(NULFrameDecoder(maximumFrameBytes: maximumFrameBytes))
        )
        var frames: [ByteBuffer] = []
        func collect() {
            while let frame = try? channel.readInbound(as: ByteBuffer.self) {
                frames.append(frame)
            }
        }
        let step = max(chunkSize ?? bytes.count, 1)
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes.index(start, offsetBy: step, limitedBy: bytes.endIndex) ?? bytes.endIndex
            do {
                try channel.writeInbound(ByteBuffer(bytes: bytes[start..<end]))
            } catch {
                // FrameTooLarge: the server closes the connection after the frames decoded before it.
                collect()
                _ = try? channel.finish()
                return frames
            }
            collect()
            start = end
        }
        // End of stream: a partial frame is dropped (`NULFrameDecoder.decodeLast`).
        _ = try? channel.finish()
        collect()
        return frames
    }

    /// Answers the frames in order, as `VarlinkServer.handle` does, and checks every message it would write.
    static func answer(
        _ frames: [ByteBuffer],
        from peer: PeerCredentials,
        with target: FuzzTarget,
        trace: (@Sendable (Data) -> Void)?
    ) async {
        for frame in frames {
            switch VarlinkServer.parseCall(frame, peer: peer) {
            case .unreadable:
                // The server closes the connection: later frames are never read.
                return
            case .refused(let error, let oneway):
                if !oneway { ReplyInvariants.checkError(VarlinkJSON.errorMessage(error), trace: trace) }
            case .call(let call):
                let response = await target.service.respond(to: call)
                if !call.oneway { await ReplyInvariants.check(response, more: call.more, trace: trace) }
            }
        }
    }
}

/// What the first byte of an input chooses: the caller (low three bits) and the size of the reads that deliver the
/// rest (high bits), so that frames split across reads are exercised as well as whole ones.
struct FuzzInputHeader {
    /// Who sends the frames.
    let caller: FuzzCaller
    /// Bytes per read, or `nil` for one read of everything.
    let chunkSize: Int?

    init(_ byte: UInt8) {
        caller = FuzzCaller.allCases[Int(byte & 0x07) % FuzzCaller.allCases.count]
        let shift = Int(byte >> 3)
        chunkSize = shift == 0 ? nil : 1 << (shift - 1)
    }
}
