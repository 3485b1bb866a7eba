#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Why a client call failed.
public enum VarlinkClientError: Error, Sendable, CustomStringConvertible {
    /// The socket could not be reached; `reason` is the system's message.
    case unreachable(path: String, reason: String)
    /// The service answered with an error.
    case remote(VarlinkError)
    /// The service closed the connection where a reply was expected (it stopped, or refused a bad frame).
    case connectionClosed
    /// The service broke the protocol.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .unreachable(let path, let reason): "cannot connect to \(path): \(reason)"
        case .remote(let error): error.description
        case .connectionClosed: "connection closed by the service"
        case .protocolViolation(let reason): "protocol error: \(reason)"
        }
    }
}

/// One reply message as received.
public struct VarlinkReplyMessage: Sendable {
    /// The whole message's JSON, without its NUL.
    public let raw: Data
    /// Whether more replies follow (`continues`).
    public let continues: Bool

    /// Decodes the reply's `parameters` as `R`.
    public func decode<R: Decodable>(_ type: R.Type) throws(VarlinkClientError) -> R {
        do {
            return try JSONDecoder().decode(ParametersEnvelope<R>.self, from: raw).parameters
        } catch {
            throw .protocolViolation("reply does not match the interface: \(error)")
        }
    }

    /// The reply's `parameters`, untyped (for printing it as it came).
    public var parameters: JSONValue {
        (try? JSONDecoder().decode(ParametersEnvelope<JSONValue>.self, from: raw).parameters) ?? .object([:])
    }
}

/// A blocking Varlink client: one connection, calls answered in order.
///
/// Meant for command-line tools and tests; it does no I/O in the background and is not thread-safe. The
/// connection is a `VarlinkChannel`: a Unix socket (`init(path:)`) or any other byte stream (`init(channel:)`).
public final class VarlinkClient {
    private let channel: any VarlinkChannel
    private var pending = [UInt8]()
    /// What this client is connected to: the socket path, or the name the channel gives itself.
    public var path: String { channel.name }

    /// Connects to the socket at `path`.
    public convenience init(path: String) throws(VarlinkClientError) {
        self.init(channel: try UnixSocketChannel(path: path))
    }

    /// Speaks Varlink over `channel`, already connected.
    public init(channel: any VarlinkChannel) {
        self.channel = channel
    }

    /// Calls `M` and decodes its reply.
    public func call<M: VarlinkMethod>(
        _ method: M.Type,
        _ parameters: M.Parameters
    ) throws(VarlinkClientError)
        -> M.Reply
    {
        try callRaw(M.qualifiedName, parameters: parameters).decode(M.Reply.self)
    }

    /// Calls `method` with encodable parameters and returns the reply message as received.
    /// - Throws: `.remote` for an error reply.
    public func callRaw<P: Encodable>(
        _ method: String,
        parameters: P,
        more: Bool = false
    )
        throws(VarlinkClientError) -> VarlinkReplyMessage
    {
        try send(method, parameters: parameters, more: more)
        return try receive()
    }

    /// Sends one call without waiting for its reply (pair with `receive`, or use `oneway`).
    public func send<P: Encodable>(
        _ method: String,
        parameters: P,
        more: Bool = false,
        oneway: Bool = false
    )
        throws(VarlinkClientError)
    {
        let message: [UInt8]
        do {
            message = try VarlinkJSON.encode(
                CallMessage(
                    method: method,
                    parameters: parameters,
                    more: more ? true : nil,
                    oneway: oneway ? true : nil
                )
            )
        } catch {
            throw .protocolViolation("cannot encode the call: \(error)")
        }
        try sendFrame(message)
    }

    /// Writes bytes as one frame (a NUL is appended). Tests use it to send malformed frames.
    public func sendFrame(_ bytes: [UInt8]) throws(VarlinkClientError) {
        try writeAll(bytes + [0])
    }

    /// Writes bytes exactly as given, NUL or not.
    public func writeAll(_ bytes: [UInt8]) throws(VarlinkClientError) {
        var offset = 0
        while offset < bytes.count {
            // withUnsafeBytes rethrows untyped errors: the channel's typed one comes out through a Result.
            let written = bytes[offset...].withUnsafeBytes { buffer in
                Result { () throws(VarlinkClientError) in try channel.write(buffer) }
            }
            offset += try written.get()
        }
    }

    /// Reads the next reply message.
    /// - Throws: `.remote` for an error reply, `.protocolViolation` when the connection closes first.
    public func receive() throws(VarlinkClientError) -> VarlinkReplyMessage {
        let frame = try readFrame()
        struct Header: Decodable {
            var error: String?
            var parameters: [String: JSONValue]?
            var continues: Bool?
        }
        let data = Data(frame)
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .protocolViolation("reply is not a JSON object")
        }
        if let error = header.error {
            throw .remote(VarlinkError(name: error, parameters: header.parameters ?? [:]))
        }
        return VarlinkReplyMessage(raw: data, continues: header.continues ?? false)
    }

    /// Reads one NUL-terminated frame.
    public func readFrame() throws(VarlinkClientError) -> [UInt8] {
        while true {
            if let nul = pending.firstIndex(of: 0) {
                let frame = Array(pending[..<nul])
                pending.removeSubrange(...nul)
                return frame
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let read = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(VarlinkClientError) in try channel.read(into: buffer) }
            }
            let count = try read.get()
            guard count > 0 else { throw .connectionClosed }
            pending.append(contentsOf: chunk[..<count])
        }
    }
}

/// A call as sent by the client.
struct CallMessage<P: Encodable>: Encodable {
    var method: String
    var parameters: P
    var more: Bool?
    var oneway: Bool?
}
