import NIOCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a method answers: one reply, an error, or a stream of replies for a call made with `more`.
///
/// Reply parameters are encoded by the method (it knows their type); the server only frames them.
public enum VarlinkResponse: Sendable {
    /// One reply; `parameters` is the encoded JSON object.
    case reply(parameters: [UInt8])
    /// An error reply.
    case error(VarlinkError)
    /// Several replies. Each element but the last carries `continues: true`; a stream that never finishes (Watch)
    /// ends when the connection does.
    case stream(AsyncStream<VarlinkStreamElement>)

    /// A reply holding `value` encoded as JSON.
    ///
    /// - Throws: what the encoder throws for a value JSON cannot hold (a float that is not finite); the caller maps
    ///   it to an error its interface declares.
    public static func reply<R: Encodable>(_ value: R) throws -> VarlinkResponse {
        .reply(parameters: try VarlinkJSON.encode(value))
    }
}

/// One reply of a stream.
public struct VarlinkStreamElement: Sendable {
    /// The encoded parameters object.
    public var parameters: [UInt8]
    /// Whether more replies follow.
    public var continues: Bool

    public init(parameters: [UInt8], continues: Bool) {
        self.parameters = parameters
        self.continues = continues
    }
}

/// The JSON conventions of both ends: absent optionals are omitted, slashes are not escaped.
public enum VarlinkJSON {
    /// Encodes a value the way every riskd message is encoded: in one pass by `StreamingJSONEncoder`, keys in the
    /// order the type encodes them; by Foundation, keys sorted, for a value the streaming encoder does not follow.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let bytes = try StreamingJSONEncoder.encode(value) { return bytes }
        return Array(try sorted(value))
    }

    /// Foundation's encoding with sorted keys: for error parameters, whose dictionary would otherwise be written
    /// in an order that changes from run to run.
    static func sorted<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }

    /// One reply message, `{"parameters":…}` (and `"continues":true`) without the NUL, written straight into a
    /// buffer: the encoded parameters are copied once, into the bytes that go out. The buffer has room for the NUL
    /// the server appends (`ReplyWriter`), so the frame leaves in this one buffer.
    ///
    /// `package`, with `errorMessage`, so that the fuzz harness (RiskFuzzing) encodes replies as the server does.
    package static func replyMessage(
        parameters: [UInt8],
        continues: Bool,
        allocator: ByteBufferAllocator
    )
        -> ByteBuffer
    {
        let suffix = continues ? #","continues":true}"# : "}"
        var message = allocator.buffer(capacity: 14 + parameters.count + suffix.utf8.count + 1)
        message.writeString(#"{"parameters":"#)
        message.writeBytes(parameters)
        message.writeString(suffix)
        return message
    }

    /// The bytes of one error message, without the NUL.
    ///
    /// Parameters JSON cannot hold (a float that is not finite) are left out rather than replaced by another error:
    /// the reply still names the error the method sent, which its interface declares.
    package static func errorMessage(_ error: VarlinkError) -> Data {
        struct ErrorMessage: Encodable {
            var error: String
            var parameters: [String: JSONValue]
        }
        if let message = try? sorted(ErrorMessage(error: error.name, parameters: error.parameters)) { return message }
        return (try? sorted(ErrorMessage(error: error.name, parameters: [:]))) ?? Data()
    }
}
