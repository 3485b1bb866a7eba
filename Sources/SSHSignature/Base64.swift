/// Standard base64 (RFC 4648 §4), as OpenSSH writes it in public keys, signatures and fingerprints.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes `bytes`; `padded: false` drops the trailing `=`, as OpenSSH's SHA256 fingerprints do.
    static func encode(_ bytes: some Collection<UInt8>, padded: Bool = true) -> String {
        var out: [UInt8] = []
        var iterator = Array(bytes)[...]
        while !iterator.isEmpty {
            let chunk = Array(iterator.prefix(3))
            iterator = iterator.dropFirst(chunk.count)
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for index in 0..<4 {
                if index <= chunk.count {
                    out.append(alphabet[Int(value >> (18 - 6 * UInt32(index)) & 0x3F)])
                } else if padded {
                    out.append(UInt8(ascii: "="))
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes padded base64; nil for any character outside the alphabet, bad padding or a length not a
    /// multiple of 4.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 4 * 3)
        for start in stride(from: 0, to: characters.count, by: 4) {
            let quad = characters[start..<start + 4]
            let padding = quad.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            guard padding <= 2, padding == 0 || start + 4 == characters.count else { return nil }
            var value: UInt32 = 0
            for character in quad.dropLast(padding) {
                guard let digit = alphabet.firstIndex(of: character) else { return nil }
                value = value << 6 | UInt32(digit)
            }
            value <<= 6 * UInt32(padding)
            let decoded = [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            out.append(contentsOf: decoded.prefix(3 - padding))
        }
        return out
    }
}
