/// Reads the header of a call frame that the JSON parser refused, without building the values.
///
/// A frame nested deeper than the parser allows is still a call when its top level can be read: it then gets an
/// `InvalidParameter` reply naming the member that is too deep, rather than a silent close. The scanner walks the
/// bytes once, with a depth counter instead of recursion, so no frame can exhaust the stack.
struct FrameHeaderScanner {
    /// What was read of the frame's top level.
    struct Header: Equatable {
        var method: String?
        var oneway = false
        var more = false
        /// The deepest nesting seen (the top-level object is depth 1) and the top-level member holding it.
        var depth = 0
        var deepestMember: String?
    }

    /// The top level of `bytes`, or `nil` when they are not a JSON object with balanced brackets and strings.
    static func scan(_ bytes: some Collection<UInt8>) -> Header? {
        var header = Header()
        var depth = 0
        var inString = false
        var escaped = false
        var stringBytes: [UInt8] = []
        var lastTopLevelString: String?
        var currentMember: String?
        var expectingKey = false
        var awaitingValueOf: String?
        var literal: [UInt8] = []
        var sawObject = false

        func finishLiteral() {
            guard depth == 1, let key = awaitingValueOf, !literal.isEmpty else {
                literal.removeAll()
                return
            }
            let word = String(decoding: literal, as: UTF8.self)
            if key == "oneway" { header.oneway = word == "true" }
            if key == "more" { header.more = word == "true" }
            literal.removeAll()
            awaitingValueOf = nil
        }

        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                    if depth == 1 { stringBytes.append(byte) }
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    if depth == 1 { stringBytes.append(byte) }
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 {
                        let text =
                            stringBytes.contains(UInt8(ascii: "\\"))
                            ? nil : String(decoding: stringBytes, as: UTF8.self)
                        if expectingKey {
                            lastTopLevelString = text
                        } else if awaitingValueOf == "method" {
                            header.method = text
                            awaitingValueOf = nil
                        } else {
                            awaitingValueOf = nil
                        }
                    }
                } else if depth == 1 {
                    stringBytes.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                finishLiteral()
                inString = true
                stringBytes.removeAll(keepingCapacity: true)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                finishLiteral()
                if depth == 0 {
                    guard byte == UInt8(ascii: "{"), !sawObject else { return nil }
                    sawObject = true
                    expectingKey = true
                } else if depth == 1 {
                    awaitingValueOf = nil
                }
                depth += 1
                if depth > header.depth {
                    header.depth = depth
                    header.deepestMember = currentMember
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                finishLiteral()
                depth -= 1
                if depth < 0 { return nil }
            case UInt8(ascii: ":"):
                if depth == 1 {
                    expectingKey = false
                    currentMember = lastTopLevelString
                    awaitingValueOf = lastTopLevelString
                }
            case UInt8(ascii: ","):
                finishLiteral()
                if depth == 1 {
                    expectingKey = true
                    currentMember = nil
                }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                finishLiteral()
            default:
                if depth == 0 { return nil }
                if depth == 1 { literal.append(byte) }
            }
        }
        guard sawObject, depth == 0, !inString else { return nil }
        return header
    }
}
