/// A JSON text parsed into one flat array of values, for reading a call without Foundation's parser.
///
/// The parse is strict, and deliberately narrower than Foundation's: besides malformed JSON it refuses a key
/// holding an escape, a duplicate key, a lone surrogate or `\u0000`, invalid UTF-8, and nesting deeper than
/// `maxDepth`. A refused text is then read by Foundation exactly as before this parser existed (see
/// `VarlinkServer.parseCall`), so it decides every doubtful frame and its errors are the ones callers get.
///
/// Values are laid out depth first: a container's node is followed by its members (an object's as key, value,
/// key, value …), and every node records where the nodes of its value end, so a reader steps over a member
/// without walking it.
final class JSONTape: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `false`, `true`
        /// `-?digits`, nothing else: the only numbers read as integers here.
        case integer
        /// A number with a fraction or an exponent.
        case number
        case string
        /// A string holding at least one escape.
        case escapedString
        case array, object
    }

    struct Node: Sendable {
        var kind: Kind
        /// The bytes of a string (inside its quotes) or a number; unused for the others.
        var start: Int32
        var end: Int32
        /// The elements of an array, the members of an object.
        var count: Int32
        /// The index of the first node after this value (after all its members).
        var next: Int32
    }

    /// Nesting deeper than this (the top level is depth 1) is left to Foundation; no riskd call nests near it.
    static let maxDepth = 64

    let bytes: [UInt8]
    let nodes: [Node]

    private init(bytes: [UInt8], nodes: [Node]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    /// `{}`: what absent or `null` parameters decode from.
    static let emptyObject = JSONTape(
        bytes: Array("{}".utf8),
        nodes: [Node(kind: .object, start: 0, end: 2, count: 0, next: 1)]
    )

    /// The tape of `bytes`, or `nil` when they are not one JSON value this parser accepts (see the type's comment).
    static func parse(_ bytes: [UInt8]) -> JSONTape? {
        guard bytes.count < Int(Int32.max) else { return nil }
        let nodes = bytes.withUnsafeBufferPointer { input -> [Node]? in
            var parser = JSONTapeParser(input: input)
            parser.skipSpace()
            guard parser.value(depth: 1) else { return nil }
            parser.skipSpace()
            return parser.position == input.count ? parser.nodes : nil
        }
        return nodes.map { JSONTape(bytes: bytes, nodes: $0) }
    }

    /// The value of the member `key` of the object at `object`.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            var child = object + 1
            for _ in 0..<nodes[object].count {
                if keyEquals(child, wanted) { return child + 1 }
                child = Int(nodes[child + 1].next)
            }
            return nil
        }
    }

    /// Whether the (unescaped) key at `node` is `wanted`.
    func keyEquals(_ node: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = nodes[node]
        let count = Int(key.end - key.start)
        guard count == wanted.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            UnsafeBufferPointer(rebasing: all[Int(key.start)..<Int(key.end)]).elementsEqual(wanted)
        }
    }

    /// The text of the string at `node`, escapes resolved (the parse checked them and the UTF-8).
    func string(_ node: Int) -> String {
        let string = nodes[node]
        return bytes.withUnsafeBufferPointer { all in
            let raw = UnsafeBufferPointer(rebasing: all[Int(string.start)..<Int(string.end)])
            guard string.kind == .escapedString else { return String(decoding: raw, as: UTF8.self) }
            return Self.unescape(raw)
        }
    }

    /// The whole number at `node` (an `.integer`), or `nil` when it does not fit 64 bits, or is `-0`.
    func integer(_ node: Int) -> Int64? {
        let number = nodes[node]
        var index = Int(number.start)
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative {
            index += 1
            if bytes[index] == UInt8(ascii: "0") { return nil }
        }
        var value: Int64 = 0
        while index < Int(number.end) {
            let digit = Int64(bytes[index] &- UInt8(ascii: "0"))
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = negative ? tens.subtractingReportingOverflow(digit) : tens.addingReportingOverflow(digit)
            if overflow || carry { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// The number at `node` as a `Double` (correctly rounded, as Foundation's), or `nil` when it is out of the
    /// range of one: infinite, or non-zero digits that round to zero.
    func double(_ node: Int) -> Double? {
        let number = nodes[node]
        let digits = bytes[Int(number.start)..<Int(number.end)]
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0 {
            let mantissa = digits.prefix { $0 | 0x20 != UInt8(ascii: "e") }
            guard mantissa.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        return value
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                text.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                // The parse checked the digits and the surrogate pairs.
                var scalar = UInt32(JSONTapeParser.hex(raw, at: index) ?? 0xFFFD)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(JSONTapeParser.hex(raw, at: index + 2) ?? 0xDC00)
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                text.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: text.append(escape)  // " \ /
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
