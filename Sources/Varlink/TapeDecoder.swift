#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes a value from a `JSONTape` as Foundation's `JSONDecoder` would, or not at all.
///
/// It follows what the generated parameter types ask of a decoder: synthesized conformances, enums by raw value,
/// optionals, arrays, dictionaries keyed by string, `JSONValue`. Any failure, and any value Foundation might read
/// otherwise (a fraction or an exponent read as an integer, a number out of range, the types Foundation decodes
/// its own way: `Data`, `Date`, `URL`, `Decimal`, `Float`), makes `decode` return `nil`; the caller then decodes
/// the frame with Foundation, whose error names the parameter (`VarlinkCall.decodeParameters`). No error leaves
/// this decoder, which is why its coding paths are empty.
enum TapeDecoding {
    /// The most members of an object decoded here (see `TapeDecoder.container`); no riskd parameter has near as many.
    static let maxMembers = 64

    /// The value of type `T` at `node` of `tape`, or `nil`: decode with Foundation instead.
    static func decode<T: Decodable>(_ type: T.Type, from tape: JSONTape, at node: Int) -> T? {
        let reader = TapeReader(tape)
        guard let value = try? reader.decode(T.self, at: node), !reader.unsure else { return nil }
        return value
    }
}

/// Why a decode stopped; never shown to anyone (see `TapeDecoding`).
struct TapeMismatch: Error {}

/// The tape of one decode, and whether a value was met that Foundation might have read otherwise. A value type
/// may catch a failure and try another reading (`JSONValue` does): such a doubt must still send the call to
/// Foundation.
final class TapeReader {
    let tape: JSONTape
    private(set) var unsure = false

    init(_ tape: JSONTape) {
        self.tape = tape
    }

    func kind(_ node: Int) -> JSONTape.Kind { tape.nodes[node].kind }

    /// Gives up on this decode, whatever the value types make of the error.
    func doubt() -> TapeMismatch {
        unsure = true
        return TapeMismatch()
    }

    /// `T` at `node`: the common scalars directly (told apart by metatype, as `JSONSink` does), anything else
    /// through its `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): return unsafeBitCast(try string(node), to: T.self)
        case ObjectIdentifier(Int.self): return unsafeBitCast(try integer(Int.self, node), to: T.self)
        case ObjectIdentifier(Bool.self): return unsafeBitCast(try bool(node), to: T.self)
        case ObjectIdentifier(Double.self): return unsafeBitCast(try double(node), to: T.self)
        case ObjectIdentifier(Data.self), ObjectIdentifier(Date.self), ObjectIdentifier(URL.self),
            ObjectIdentifier(Decimal.self), ObjectIdentifier(Float.self):
            throw doubt()
        default: return try T(from: TapeDecoder(reader: self, node: node))
        }
    }

    func string(_ node: Int) throws -> String {
        switch kind(node) {
        case .string, .escapedString: return tape.string(node)
        default: throw TapeMismatch()
        }
    }

    func bool(_ node: Int) throws -> Bool {
        switch kind(node) {
        case .true: return true
        case .false: return false
        default: throw TapeMismatch()
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: Int) throws -> I {
        switch kind(node) {
        case .integer:
            guard let value = tape.integer(node).flatMap(I.init(exactly:)) else { throw doubt() }
            return value
        case .number: throw doubt()
        default: throw TapeMismatch()
        }
    }

    func double(_ node: Int) throws -> Double {
        switch kind(node) {
        case .integer, .number:
            guard let value = tape.double(node) else { throw doubt() }
            return value
        default: throw TapeMismatch()
        }
    }
}

/// A `Decoder` positioned on one node.
struct TapeDecoder: Decoder {
    let reader: TapeReader
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard reader.kind(node) == .object else { throw TapeMismatch() }
        // A member is found by walking the object: decoding a dictionary of n members would take n² steps, so a
        // larger object is read by Foundation, which indexes its members.
        guard reader.tape.nodes[node].count <= TapeDecoding.maxMembers else { throw reader.doubt() }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(reader: reader, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard reader.kind(node) == .array else { throw TapeMismatch() }
        return TapeUnkeyedContainer(reader: reader, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(reader: reader, node: node)
    }
}

struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: TapeReader
    let object: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        let tape = reader.tape
        var keys: [Key] = []
        var child = object + 1
        for _ in 0..<tape.nodes[object].count {
            if let key = Key(stringValue: tape.string(child)) { keys.append(key) }
            child = Int(tape.nodes[child + 1].next)
        }
        return keys
    }

    private func value(_ key: Key) throws -> Int {
        guard let node = reader.tape.member(key.stringValue, of: object) else { throw TapeMismatch() }
        return node
    }

    func contains(_ key: Key) -> Bool { reader.tape.member(key.stringValue, of: object) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { reader.kind(try value(key)) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.decode(type, at: value(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = reader.tape.member(key.stringValue, of: object), reader.kind(node) != .null else { return nil }
        return try reader.decode(type, at: node)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw reader.doubt() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(type, value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(type, value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(type, value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(type, value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(type, value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(type, value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(type, value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(type, value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(type, value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.integer(type, value(key)) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(reader: reader, node: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(reader: reader, node: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw reader.doubt() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw reader.doubt() }
}

struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let reader: TapeReader
    let count: Int?
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var element: Int

    init(reader: TapeReader, array: Int) {
        self.reader = reader
        self.count = Int(reader.tape.nodes[array].count)
        self.element = array + 1
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    /// The current element's node, stepping past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw TapeMismatch() }
        let node = element
        element = Int(reader.tape.nodes[node].next)
        currentIndex += 1
        return node
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw TapeMismatch() }
        guard reader.kind(element) == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, at: next()) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(next()) }
    mutating func decode(_ type: String.Type) throws -> String { try reader.string(next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try reader.double(next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw reader.doubt() }
    mutating func decode(_ type: Int.Type) throws -> Int { try reader.integer(type, next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type, next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type, next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type, next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type, next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type, next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type, next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type, next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type, next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type, next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(reader: reader, node: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(reader: reader, node: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw reader.doubt() }
}

struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let reader: TapeReader
    let node: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { reader.kind(node) == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, at: node) }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(node) }
    func decode(_ type: String.Type) throws -> String { try reader.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(node) }
    func decode(_ type: Float.Type) throws -> Float { throw reader.doubt() }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(type, node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type, node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type, node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type, node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type, node) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type, node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type, node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type, node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type, node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type, node) }
}
