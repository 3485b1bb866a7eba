import Crypto

/// An armored SSH signature as `ssh-keygen -Y sign` writes it, parsed here rather than by a library.
///
/// The format is OpenSSH's PROTOCOL.sshsig. Between the lines `-----BEGIN SSH SIGNATURE-----` and
/// `-----END SSH SIGNATURE-----` is the base64 of:
///
///     byte[6]  "SSHSIG"
///     uint32   1 (the version)
///     string   publickey       the signer's key blob
///     string   namespace       what the signature is for; riskd asks for "riskd"
///     string   reserved        empty
///     string   hash_algorithm  "sha512" or "sha256"
///     string   signature       an SSH signature blob: string algorithm, string bytes
///
/// and the signature covers not the message but
/// `"SSHSIG" || string(namespace) || string(reserved) || string(hash_algorithm) || string(H(message))`,
/// which is why a signature made for another namespace (`git`, `file`) never verifies here.
public struct SSHSignature: Sendable {
    /// The key that made the signature, as the signature names it.
    public let publicKey: SSHPublicKey
    /// The namespace the signature was made for.
    public let namespace: String
    /// `sha512` or `sha256`: the hash of the message that was signed.
    public let hashAlgorithm: String
    private let reserved: [UInt8]
    private let signature: [UInt8]

    /// The first and last lines of the armour.
    static let begin = "-----BEGIN SSH SIGNATURE-----"
    static let end = "-----END SSH SIGNATURE-----"

    /// Parses the armour and the blob inside it; nothing is verified yet.
    public init(armored: String) throws(SSHSignatureError) {
        let lines = armored.split(whereSeparator: \.isNewline).map { $0.trimmingBlanks }.filter { !$0.isEmpty }
        guard lines.first == Self.begin[...] else {
            throw SSHSignatureError("is not an armored SSH signature: it must begin with '\(Self.begin)'")
        }
        guard lines.count >= 2, lines.last == Self.end[...] else {
            throw SSHSignatureError("is not an armored SSH signature: it must end with '\(Self.end)'")
        }
        guard let blob = Base64.decode(lines.dropFirst().dropLast().joined()) else {
            throw SSHSignatureError("is not an armored SSH signature: the lines between its armour are not base64")
        }
        try self.init(blob: blob)
    }

    /// Parses an SSHSIG blob, the bytes inside the armour.
    init(blob: [UInt8]) throws(SSHSignatureError) {
        var reader = SSHWireReader(blob)
        guard try reader.take(6, "magic") == Array("SSHSIG".utf8) else {
            throw .malformed("it does not start with SSHSIG")
        }
        let version = try reader.uint32("version")
        guard version == 1 else { throw SSHSignatureError("is of SSHSIG version \(version); riskd reads version 1") }
        let keyBlob = try reader.string("public key")
        namespace = try reader.text("namespace")
        reserved = try reader.string("reserved field")
        hashAlgorithm = try reader.text("hash algorithm")
        signature = try reader.string("signature")
        guard reader.isAtEnd else { throw .malformed("bytes follow the signature") }
        publicKey = try SSHPublicKey(blob: keyBlob)
    }

    /// Checks that the signature was made for `namespace` and signs `message`; throws when it does not.
    public func verify(_ message: some Collection<UInt8>, namespace expected: String) throws(SSHSignatureError) {
        guard namespace == expected else {
            throw SSHSignatureError(
                "was made for the namespace '\(namespace)', not '\(expected)' (sign with -n \(expected))"
            )
        }
        let digest: [UInt8]
        switch hashAlgorithm {
        case "sha512": digest = Array(SHA512.hash(data: Array(message)))
        case "sha256": digest = Array(SHA256.hash(data: Array(message)))
        default: throw SSHSignatureError("hashes with '\(hashAlgorithm)'; riskd verifies sha512 and sha256")
        }
        var signed = SSHWireWriter()
        signed.raw("SSHSIG".utf8)
        signed.string(Array(namespace.utf8))
        signed.string(reserved)
        signed.string(Array(hashAlgorithm.utf8))
        signed.string(digest)
        guard try publicKey.verify(signature: signature, of: signed.bytes) else {
            throw SSHSignatureError("does not verify: it was not made over this text with the key it names")
        }
    }
}

extension Substring {
    /// The text without leading and trailing white space and line ends.
    var trimmingBlanks: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
