/// Reads the SSH wire encoding (RFC 4251 §5): big-endian `uint32`, length-prefixed `string`, `mpint`.
///
/// Every read checks the length against what is left, so a truncated or lying blob is an error, never a crash.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    /// Reads `count` raw bytes.
    mutating func take(_ count: Int, _ what: String) throws(SSHSignatureError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw .truncated(what) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads a big-endian 32-bit unsigned integer.
    mutating func uint32(_ what: String) throws(SSHSignatureError) -> UInt32 {
        try take(4, what).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads a `string`: a `uint32` length, then that many bytes.
    mutating func string(_ what: String) throws(SSHSignatureError) -> [UInt8] {
        let length = try uint32(what)
        guard length <= UInt32(bytes.count - offset) else { throw .truncated(what) }
        return try take(Int(length), what)
    }

    /// Reads a `string` that must be UTF-8 text.
    mutating func text(_ what: String) throws(SSHSignatureError) -> String {
        let raw = try string(what)
        guard let text = String(validating: raw, as: UTF8.self) else { throw .malformed("\(what) is not UTF-8 text") }
        return text
    }

    /// Reads a non-negative `mpint` and returns its magnitude without leading zero bytes.
    mutating func positiveInteger(_ what: String) throws(SSHSignatureError) -> [UInt8] {
        let raw = try string(what)
        guard let first = raw.first, first & 0x80 == 0 else { throw .malformed("\(what) is not a positive integer") }
        return Array(raw.drop { $0 == 0 })
    }
}

/// Writes the SSH wire encoding, for the data an SSHSIG signature covers.
struct SSHWireWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends raw bytes.
    mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// Appends a `string`: its length as a big-endian `uint32`, then the bytes.
    mutating func string(_ value: some Collection<UInt8>) {
        let length = UInt32(value.count)
        bytes.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) })
        bytes.append(contentsOf: value)
    }
}
