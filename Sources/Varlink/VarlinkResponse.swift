import Foundation

/// What a method answers: one reply, an error, or a stream of replies for a call made with `more`.
///
/// Reply parameters are encoded by the method (it knows their type); the server only frames them.
public enum VarlinkResponse: Sendable {
    /// One reply; `parameters` is the encoded JSON object.
    case reply(parameters: Data)
    /// An error reply.
    case error(VarlinkError)
    /// Several replies. Each element but the last carries `continues: true`; a stream that never finishes (Watch)
    /// ends when the connection does.
    case stream(AsyncStream<VarlinkStreamElement>)

    /// A reply holding `value` encoded as JSON.
    public static func reply<R: Encodable>(_ value: R) -> VarlinkResponse {
        do {
            return .reply(parameters: try VarlinkJSON.encode(value))
        } catch {
            return .error(VarlinkError(name: "org.varlink.service.InternalError", parameters: [:]))
        }
    }
}

/// One reply of a stream.
public struct VarlinkStreamElement: Sendable {
    /// The encoded parameters object.
    public var parameters: Data
    /// Whether more replies follow.
    public var continues: Bool

    public init(parameters: Data, continues: Bool) {
        self.parameters = parameters
        self.continues = continues
    }
}

/// The JSON conventions of both ends: absent optionals are omitted, slashes are not escaped.
public enum VarlinkJSON {
    /// Encodes a value the way every riskd message is encoded: in one pass by `StreamingJSONEncoder`, keys in the
    /// order the type encodes them; by Foundation, keys sorted, for a value the streaming encoder does not follow.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let bytes = try StreamingJSONEncoder.encode(value) { return Data(bytes) }
        return try sorted(value)
    }

    /// Foundation's encoding with sorted keys: for error parameters, whose dictionary would otherwise be written
    /// in an order that changes from run to run.
    static func sorted<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(value)
    }

    /// The bytes of one reply message: `{"parameters":…}` (and `"continues":true`), without the NUL.
    ///
    /// `package`, with `errorMessage`, so that the fuzz harness (RiskFuzzing) encodes replies as the server does.
    package static func replyMessage(parameters: Data, continues: Bool) -> Data {
        var message = Data(#"{"parameters":"#.utf8)
        message.append(parameters)
        message.append(contentsOf: Array((continues ? #","continues":true}"# : "}").utf8))
        return message
    }

    /// The bytes of one error message, without the NUL.
    package static func errorMessage(_ error: VarlinkError) -> Data {
        struct ErrorMessage: Encodable {
            var error: String
            var parameters: [String: JSONValue]
        }
        return (try? sorted(ErrorMessage(error: error.name, parameters: error.parameters)))
            ?? Data(#"{"error":"org.varlink.service.InternalError","parameters":{}}"#.utf8)
    }
}
