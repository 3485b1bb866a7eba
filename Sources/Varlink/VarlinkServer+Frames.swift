import NIOCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension VarlinkServer {
    /// What became of a frame.
    ///
    /// `package`, with `parseCall`, so that the fuzz harness (RiskFuzzing) parses frames exactly as the server does.
    package enum ParsedFrame {
        case call(VarlinkCall)
        /// A call whose header was read but which cannot be served: it gets `error` unless it is `oneway`.
        case refused(VarlinkError, oneway: Bool)
        /// Not a JSON object with a string `method`: the connection is closed.
        case unreadable
    }

    /// Reads the header of one frame (without its NUL): a call, a call refused with an error, or unreadable.
    ///
    /// A frame is read once, into a `JSONTape`, and its parameters are later decoded from that tape. A frame the
    /// tape refuses, or whose header it cannot read, is read by Foundation as it always was: the tape is a fast
    /// path for well-formed calls, and Foundation alone decides what becomes of every other frame.
    package static func parseCall(_ frame: ByteBuffer, peer: PeerCredentials) -> ParsedFrame {
        let bytes = Array(frame.readableBytesView)
        func call(
            _ method: String,
            oneway: Bool,
            more: Bool,
            upgrade: Bool,
            _ parameters: ParsedParameters
        )
            -> ParsedFrame
        {
            .call(
                VarlinkCall(
                    method: method,
                    oneway: oneway,
                    more: more,
                    upgrade: upgrade,
                    peer: peer,
                    frameBytes: bytes,
                    parsedParameters: parameters
                )
            )
        }
        if let tape = JSONTape.parse(bytes), let header = TapeCallHeader(tape) {
            let parameters = ParsedParameters.tape(tape, node: header.parameters)
            return call(header.method, oneway: header.oneway, more: header.more, upgrade: header.upgrade, parameters)
        }
        guard let header = try? JSONDecoder().decode(CallHeader.self, from: Data(bytes)) else {
            // The parser refuses a frame nested deeper than it allows; when its top level is readable, the caller
            // is told which member is too deep instead of being cut off without a word.
            if let scanned = FrameHeaderScanner.scan(bytes), scanned.method != nil, scanned.depth > maxNestingDepth {
                return .refused(.invalidParameter(scanned.deepestMember ?? "parameters"), oneway: scanned.oneway)
            }
            return .unreadable
        }
        let parameters = ParsedParameters.foundation(header.parameters)
        return call(header.method, oneway: header.oneway, more: header.more, upgrade: header.upgrade, parameters)
    }

    /// A frame the parser refused is answered, not closed, when it is nested deeper than this (the top-level
    /// object is depth 1) and its header is readable.
    static let maxNestingDepth = 256

    /// The header of a call as Foundation reads it, and a decoder positioned on its `parameters`.
    private struct CallHeader: Decodable {
        var method: String
        var oneway: Bool
        var more: Bool
        var upgrade: Bool
        /// `nil` when `parameters` is absent or `null`.
        var parameters: (any Decoder)?

        private enum CodingKeys: String, CodingKey { case method, oneway, more, upgrade, parameters }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            method = try container.decode(String.self, forKey: .method)
            oneway = try container.decodeIfPresent(Bool.self, forKey: .oneway) ?? false
            more = try container.decodeIfPresent(Bool.self, forKey: .more) ?? false
            upgrade = try container.decodeIfPresent(Bool.self, forKey: .upgrade) ?? false
            if container.contains(.parameters), try !container.decodeNil(forKey: .parameters) {
                parameters = try container.superDecoder(forKey: .parameters)
            } else {
                parameters = nil
            }
        }
    }
}

/// The header of a call read from its tape, as `CallHeader` reads it from Foundation's parse: a string `method`;
/// `oneway`, `more` and `upgrade` false when absent or `null`; `parameters` absent when `null`. Anything else
/// (a top level that is not an object, a flag that is not a boolean) is left to Foundation (`nil`).
struct TapeCallHeader {
    var method: String
    var oneway: Bool
    var more: Bool
    var upgrade: Bool
    /// The node of `parameters`; `nil` when absent or `null`.
    var parameters: Int?

    init?(_ tape: JSONTape) {
        guard tape.nodes[0].kind == .object, let method = tape.member("method", of: 0) else { return nil }
        switch tape.nodes[method].kind {
        case .string, .escapedString: self.method = tape.string(method)
        default: return nil
        }
        guard let oneway = Self.flag("oneway", tape), let more = Self.flag("more", tape),
            let upgrade = Self.flag("upgrade", tape)
        else { return nil }
        self.oneway = oneway
        self.more = more
        self.upgrade = upgrade
        if let node = tape.member("parameters", of: 0), tape.nodes[node].kind != .null { parameters = node }
    }

    /// The top-level boolean `name`: false when absent or `null`, `nil` when it is not a boolean.
    private static func flag(_ name: String, _ tape: JSONTape) -> Bool? {
        guard let node = tape.member(name, of: 0) else { return false }
        switch tape.nodes[node].kind {
        case .null, .false: return false
        case .true: return true
        default: return nil
        }
    }
}
