#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The credentials of the process at the other end of a Unix socket, from `SO_PEERCRED`.
public struct PeerCredentials: Sendable, Hashable {
    public var uid: UInt32
    public var gid: UInt32
    public var pid: Int32

    public init(uid: UInt32, gid: UInt32, pid: Int32) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
    }
}

/// One call as received: its header fields, the peer, and the raw frame its parameters are decoded from.
///
/// Parameters are decoded lazily by the method that knows their type (`decodeParameters`), so the generic layer
/// never builds an untyped tree of them.
public struct VarlinkCall: Sendable {
    /// `interface.Method`.
    public let method: String
    /// Set when the caller wants no reply.
    public let oneway: Bool
    /// Set when the caller accepts several replies (`continues`).
    public let more: Bool
    /// Set when the caller asks to leave Varlink on this connection; riskd refuses it.
    public let upgrade: Bool
    /// Who called.
    public let peer: PeerCredentials
    /// The frame's JSON, without its NUL terminator.
    let frameBytes: [UInt8]
    /// The `parameters` of the server's one parse of the frame; `nil` for a call built by hand, decoded from
    /// `frame`.
    let parsedParameters: ParsedParameters?

    /// The frame, for Foundation's decoder.
    var frame: Data { Data(frameBytes) }

    /// A call whose parameters are decoded from `frame` when asked for (tests and tools build calls this way).
    public init(
        method: String,
        oneway: Bool = false,
        more: Bool = false,
        upgrade: Bool = false,
        peer: PeerCredentials,
        frame: Data
    ) {
        self.init(
            method: method,
            oneway: oneway,
            more: more,
            upgrade: upgrade,
            peer: peer,
            frameBytes: Array(frame),
            parsedParameters: nil
        )
    }

    init(
        method: String,
        oneway: Bool,
        more: Bool,
        upgrade: Bool,
        peer: PeerCredentials,
        frameBytes: [UInt8],
        parsedParameters: ParsedParameters?
    ) {
        self.method = method
        self.oneway = oneway
        self.more = more
        self.upgrade = upgrade
        self.peer = peer
        self.frameBytes = frameBytes
        self.parsedParameters = parsedParameters
    }

    /// The interface part of `method` (everything before the last dot).
    public var interface: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }

    /// The method part of `method` (after the last dot).
    public var memberName: String {
        guard let dot = method.lastIndex(of: ".") else { return method }
        return String(method[method.index(after: dot)...])
    }

    /// Decodes `parameters` into `P`; an absent or `null` object decodes as `{}`.
    ///
    /// From the frame's tape when the server read one and the tape decodes it (`TapeDecoding`); otherwise, and for
    /// every parameter that is wrong, by Foundation, whose errors are the ones callers get.
    ///
    /// - Throws: `InvalidParameter` naming the first parameter that is missing, of the wrong JSON type, or not a
    ///   member of its enum, by path (`risks[1].likelihood`).
    public func decodeParameters<P: Decodable>(_ type: P.Type) throws(VarlinkError) -> P {
        if case .tape(let tape, let node) = parsedParameters {
            let decoded =
                if let node { TapeDecoding.decode(P.self, from: tape, at: node) } else {
                    TapeDecoding.decode(P.self, from: .emptyObject, at: 0)
                }
            if let decoded { return decoded }
        }
        do {
            switch parsedParameters {
            case .foundation(let decoder?)?:
                return try P(from: decoder)
            case .foundation(nil)?:
                return try JSONDecoder().decode(P.self, from: Data("{}".utf8))
            case .tape?, nil:
                return try JSONDecoder().decode(ParametersEnvelope<P>.self, from: frame).parameters
            }
        } catch let error as DecodingError {
            let path = ParameterPath.describe(error)
            // Foundation reports a number that does not fit its Int field (2.5, 1e30) as invalid JSON with no
            // path; no riskd parameter is fractional, so the first such number is the one at fault.
            if path == "parameters", let number = firstNonInteger() { throw .invalidParameter(number) }
            throw .invalidParameter(path)
        } catch {
            // Decoding from the server's parse, Foundation throws such a number as its own error, not as a
            // `DecodingError`; it is found the same way.
            throw .invalidParameter(firstNonInteger() ?? "parameters")
        }
    }
}

extension VarlinkCall {
    /// The path of the first number in `parameters` that is not a whole number fitting 64 bits.
    func firstNonInteger() -> String? {
        guard let envelope = try? JSONDecoder().decode(ParametersEnvelope<JSONValue>.self, from: frame) else {
            return nil
        }
        func search(_ value: JSONValue, _ path: String) -> String? {
            switch value {
            case .double: return path
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    if let found = search(element, "\(path)[\(index)]") { return found }
                }
            case .object(let members):
                for key in members.keys.sorted() {
                    if let member = members[key], let found = search(member, path.isEmpty ? key : "\(path).\(key)") {
                        return found
                    }
                }
            default: break
            }
            return nil
        }
        return search(envelope.parameters, "")
    }
}

/// The `parameters` of a frame the server parsed.
enum ParsedParameters: @unchecked Sendable {
    /// Read by `JSONTape`; the node of the parameters, `nil` when the frame has none or `null`.
    case tape(JSONTape, node: Int?)
    /// Read by Foundation, as a decoder positioned on them; `nil` when the frame has none or `null`.
    ///
    /// Foundation's decoder keeps the parsed frame alive for a decoder that outlives the decode that made it. It is
    /// used by one task, once, after the server handed the call over; hence `@unchecked Sendable`.
    case foundation((any Decoder)?)
}

/// `{"parameters": P}` where an absent or null `parameters` reads as an empty object.
struct ParametersEnvelope<P: Decodable>: Decodable {
    let parameters: P

    private enum CodingKeys: String, CodingKey { case parameters }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try !container.contains(.parameters) || container.decodeNil(forKey: .parameters) {
            parameters = try JSONDecoder().decode(P.self, from: Data("{}".utf8))
        } else {
            parameters = try container.decode(P.self, forKey: .parameters)
        }
    }
}

/// Names the parameter a `DecodingError` is about, as a path below `parameters`.
enum ParameterPath {
    static func describe(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        return render(path)
    }

    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path where !(text.isEmpty && key.stringValue == "parameters" && key.intValue == nil) {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "parameters" : text
    }
}
