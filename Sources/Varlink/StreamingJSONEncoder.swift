/// Encodes an `Encodable` value to JSON in one pass, writing bytes while `Codable` walks the value.
///
/// Foundation's `JSONEncoder` first builds a tree of the whole value and then serialises it; for a review run's
/// 130 000 findings that took longer than the run, and on `risk.Get` it was the largest cost after the socket.
/// This encoder writes keys in the order the type encodes them (declaration order for synthesized
/// conformances), omits absent optionals (`encodeIfPresent`), does not escape `/`, and writes dictionaries in
/// their iteration order.
///
/// It supports what synthesized conformances and single-value wrappers do: one container per `encode(to:)`,
/// used while that call runs. A value that asks for more (nested containers, super encoders, a container kept
/// past its `encode(to:)`) makes `encode` return `nil`; `VarlinkJSON.encode` then uses Foundation.
enum StreamingJSONEncoder {
    /// The JSON of `value`, or `nil` when `value` encodes itself in a way this encoder does not follow.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8]? {
        let sink = JSONSink()
        sink.bytes.reserveCapacity(256)
        try sink.encodeValue(value)
        return sink.unsupported || !sink.frames.isEmpty ? nil : sink.bytes
    }
}

/// The encoder and its output. One frame per value being encoded, innermost last.
final class JSONSink: Encoder {
    enum Kind { case none, object, array, single }

    struct Frame {
        var kind: Kind
        var members = 0
    }

    // One encode uses one sink, from one thread, and never holds two accesses to these at once: the runtime's
    // exclusivity checks on them were a tenth of the encoding (perf on `risk.Get`).
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var unsupported = false
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Writes `value`: a scalar directly, anything else through its `encode(to:)`.
    ///
    /// The scalars are told apart by comparing metatypes, not by `as?` casts: a failed dynamic cast searches the
    /// runtime's conformance tables, and most values encoded here (structs, arrays) would fail eight of them. An
    /// optional scalar takes the `encode(to:)` path, whose single-value container writes it or `null`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): writeString(unsafeBitCast(value, to: String.self))
        case ObjectIdentifier(Int.self): writeInteger(unsafeBitCast(value, to: Int.self))
        case ObjectIdentifier(Bool.self): writeBool(unsafeBitCast(value, to: Bool.self))
        case ObjectIdentifier(Double.self): try writeDouble(unsafeBitCast(value, to: Double.self))
        case ObjectIdentifier(Int64.self): writeInteger(unsafeBitCast(value, to: Int64.self))
        case ObjectIdentifier(UInt32.self): writeInteger(unsafeBitCast(value, to: UInt32.self))
        case ObjectIdentifier(Int32.self): writeInteger(unsafeBitCast(value, to: Int32.self))
        case ObjectIdentifier(UInt64.self): writeInteger(unsafeBitCast(value, to: UInt64.self))
        default:
            frames.append(Frame(kind: .none))
            try value.encode(to: self)
            let frame = frames.removeLast()
            switch frame.kind {
            case .none: bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
            case .object: bytes.append(UInt8(ascii: "}"))
            case .array: bytes.append(UInt8(ascii: "]"))
            case .single: if frame.members != 1 { unsupported = true }
            }
        }
    }

    /// Marks the innermost frame as opened by a container of `kind`; a second container in one `encode(to:)`
    /// is unsupported.
    private func open(_ kind: Kind) -> Int {
        guard let index = frames.indices.last, frames[index].kind == .none else {
            unsupported = true
            return -1
        }
        frames[index].kind = kind
        switch kind {
        case .object: bytes.append(UInt8(ascii: "{"))
        case .array: bytes.append(UInt8(ascii: "["))
        case .none, .single: break
        }
        return index
    }

    /// Starts a member of the container at `depth`: checks the container is the innermost one, writes the comma.
    func beginMember(at depth: Int) -> Bool {
        guard depth >= 0, depth == frames.count - 1 else {
            unsupported = true
            return false
        }
        if frames[depth].members > 0, frames[depth].kind != .single { bytes.append(UInt8(ascii: ",")) }
        frames[depth].members += 1
        return true
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedJSONSink<Key>(sink: self, depth: open(.object)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedJSONSink(sink: self, depth: open(.array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleJSONSink(sink: self, depth: open(.single))
    }

    func writeKey(_ key: String) {
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func writeBool(_ flag: Bool) {
        bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
    }

    func writeNull() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    /// Writes the digits straight into the buffer (`String(number)` built a string for every number); a number
    /// outside `Int64` (a large `UInt64`) through `String`.
    func writeInteger<I: BinaryInteger>(_ number: I) {
        guard let value = Int64(exactly: number) else {
            bytes.append(contentsOf: String(number).utf8)
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    func writeDouble(_ number: Double) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "\(number) is not JSON"))
        }
        if number == number.rounded(), abs(number) < 1e15 {
            writeInteger(Int64(number))
        } else {
            bytes.append(contentsOf: "\(number)".utf8)
        }
    }

    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\\")
            {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(contentsOf: Self.escape(byte))
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        let short: String? =
            switch byte {
            case UInt8(ascii: "\""): #"\""#
            case UInt8(ascii: "\\"): #"\\"#
            case 0x0A: #"\n"#
            case 0x0D: #"\r"#
            case 0x09: #"\t"#
            case 0x08: #"\b"#
            case 0x0C: #"\f"#
            default: nil
            }
        if let short { return Array(short.utf8) }
        let hex = Array("0123456789abcdef".utf8)
        return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
}
