import Crypto
import _CryptoExtras

/// A public key as OpenSSH writes it (`ssh-ed25519 AAAA… comment`), of a type riskd verifies signatures of.
///
/// Supported: `ssh-ed25519`, `ecdsa-sha2-nistp256` and `ssh-rsa` of 2048 bits or more (verified as
/// `rsa-sha2-512` or `rsa-sha2-256`, never the SHA-1 `ssh-rsa` signature). Security-key types (`sk-…`) sign
/// a different message and are refused, as are DSA and the other ECDSA curves.
public struct SSHPublicKey: Equatable, Sendable {
    /// The key's type as OpenSSH names it, e.g. `ssh-ed25519`.
    public let type: String
    /// The key blob: the SSH wire encoding of the type and the key, as base64 in a `.pub` file.
    public let blob: [UInt8]
    private let verifier: Verifier

    /// The key as one line `TYPE BASE64`, without the comment (which often holds a mail address).
    public var line: String { "\(type) \(Base64.encode(blob))" }

    /// The fingerprint as `ssh-keygen -l` prints it: `SHA256:` and the unpadded base64 of the blob's SHA-256.
    public var fingerprint: String { "SHA256:" + Base64.encode(Array(SHA256.hash(data: blob)), padded: false) }

    /// Reads a line of a `.pub` file: type, base64 blob and an optional comment, separated by blanks.
    public init(line: String) throws(SSHSignatureError) {
        let trimmed = line[...].trimmingBlanks
        if trimmed.hasPrefix("-----BEGIN") {
            throw SSHSignatureError("is a private key or a PEM file; give the public key, the .pub file")
        }
        guard !trimmed.contains("\n") else { throw SSHSignatureError("must be one line, as in a .pub file") }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2 else {
            throw SSHSignatureError("is not an OpenSSH public key: expected 'TYPE BASE64 [COMMENT]', as in a .pub file")
        }
        guard let blob = Base64.decode(fields[1]) else {
            throw SSHSignatureError("is not an OpenSSH public key: its second field is not base64")
        }
        try self.init(blob: blob)
        guard type == fields[0] else {
            throw SSHSignatureError("says it is \(fields[0]) but its blob holds a key of type \(type)")
        }
    }

    /// Reads a key blob in the SSH wire encoding.
    public init(blob: [UInt8]) throws(SSHSignatureError) {
        var reader = SSHWireReader(blob)
        let type = try reader.text("key type")
        switch type {
        case "ssh-ed25519":
            let raw = try reader.string("ed25519 key")
            guard raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                throw .malformed("an ed25519 key is 32 bytes")
            }
            verifier = .ed25519(key)
        case "ecdsa-sha2-nistp256":
            guard try reader.text("curve name") == "nistp256" else { throw .malformed("the curve is not nistp256") }
            let point = try reader.string("ecdsa point")
            guard let key = try? P256.Signing.PublicKey(x963Representation: point) else {
                throw .malformed("the ecdsa point is not on the curve nistp256")
            }
            verifier = .p256(key)
        case "ssh-rsa":
            let exponent = try reader.positiveInteger("rsa exponent")
            let modulus = try reader.positiveInteger("rsa modulus")
            guard modulus.count * 8 >= 2048 else {
                throw SSHSignatureError("is an RSA key of fewer than 2048 bits, too short to trust")
            }
            guard let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent) else {
                throw .malformed("the rsa key is not valid")
            }
            verifier = .rsa(key)
        default:
            throw SSHSignatureError(
                "is of type \(type), which riskd does not verify: use ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa"
            )
        }
        guard reader.isAtEnd else { throw .malformed("bytes follow the key") }
        self.type = type
        self.blob = blob
    }

    /// Whether `signature` (an SSH signature blob: algorithm name and signature bytes) signs `message` with this key.
    func verify(signature: [UInt8], of message: [UInt8]) throws(SSHSignatureError) -> Bool {
        var reader = SSHWireReader(signature)
        let algorithm = try reader.text("signature algorithm")
        let raw = try reader.string("signature bytes")
        guard reader.isAtEnd else { throw .malformed("bytes follow the signature") }
        switch (verifier, algorithm) {
        case (.ed25519(let key), "ssh-ed25519"):
            return key.isValidSignature(raw, for: message)
        case (.p256(let key), "ecdsa-sha2-nistp256"):
            var point = SSHWireReader(raw)
            let r = try point.positiveInteger("ecdsa r")
            let s = try point.positiveInteger("ecdsa s")
            guard point.isAtEnd, r.count <= 32, s.count <= 32 else {
                throw .malformed("the ecdsa signature is not (r, s)")
            }
            let padded = [UInt8](repeating: 0, count: 32 - r.count) + r + [UInt8](repeating: 0, count: 32 - s.count) + s
            guard let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: padded) else { return false }
            return key.isValidSignature(ecdsa, for: SHA256.hash(data: message))
        case (.rsa(let key), "rsa-sha2-512"):
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: raw)
            return key.isValidSignature(rsa, for: SHA512.hash(data: message), padding: .insecurePKCS1v1_5)
        case (.rsa(let key), "rsa-sha2-256"):
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: raw)
            return key.isValidSignature(rsa, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        default:
            throw SSHSignatureError(
                "uses the algorithm \(algorithm), which does not belong to a \(type) key riskd verifies"
            )
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.blob == rhs.blob }

    private enum Verifier: Sendable {
        case ed25519(Curve25519.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }
}
