// The containers of `JSONSink`. Each knows the depth of the frame its `encode(to:)` opened and refuses (marks
// the encoding unsupported) when used out of turn. Primitive overloads go through `encodeValue`, which writes
// them without a frame; a keyed container writes strings and integers directly.

struct KeyedJSONSink<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeKey(key.stringValue)
        sink.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeKey(key.stringValue)
        try sink.encodeValue(value)
    }

    // The common cases are written directly, without the generic path's type checks.
    mutating func encode(_ value: String, forKey key: Key) throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeKey(key.stringValue)
        sink.writeString(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeKey(key.stringValue)
        sink.writeInteger(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(Double(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(UInt64(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(UInt64(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(value, key) }

    private mutating func member<T: Encodable>(_ value: T, _ key: Key) throws {
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        sink.unsupported = true
        return JSONSink().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.unsupported = true
        return JSONSink().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.unsupported = true
        return JSONSink()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.unsupported = true
        return JSONSink()
    }
}

struct UnkeyedJSONSink: UnkeyedEncodingContainer, PrimitiveForwarding {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { depth >= 0 && depth < sink.frames.count ? sink.frames[depth].members : 0 }

    mutating func encodeNil() throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard sink.beginMember(at: depth) else { return }
        try sink.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        sink.unsupported = true
        return JSONSink().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.unsupported = true
        return JSONSink().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.unsupported = true
        return JSONSink()
    }
}

struct SingleJSONSink: SingleValueEncodingContainer, PrimitiveForwarding {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        guard sink.beginMember(at: depth) else { return }
        sink.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        guard sink.beginMember(at: depth) else { return }
        try sink.encodeValue(value)
    }
}

/// The primitive overloads `UnkeyedEncodingContainer` and `SingleValueEncodingContainer` require, each
/// forwarded to the container's generic `encode`, so both containers share one list.
protocol PrimitiveForwarding {
    mutating func encode<T: Encodable>(_ value: T) throws
}

extension PrimitiveForwarding {
    mutating func encode(_ value: Bool) throws { try element(value) }
    mutating func encode(_ value: String) throws { try element(value) }
    mutating func encode(_ value: Double) throws { try element(value) }
    mutating func encode(_ value: Float) throws { try element(Double(value)) }
    mutating func encode(_ value: Int) throws { try element(value) }
    mutating func encode(_ value: Int8) throws { try element(Int(value)) }
    mutating func encode(_ value: Int16) throws { try element(Int(value)) }
    mutating func encode(_ value: Int32) throws { try element(Int(value)) }
    mutating func encode(_ value: Int64) throws { try element(value) }
    mutating func encode(_ value: UInt) throws { try element(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try element(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try element(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try element(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { try element(value) }

    private mutating func element<T: Encodable>(_ value: T) throws {
        try encode(value)
    }
}
