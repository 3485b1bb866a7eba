import Foundation
import SSHSignature
import Testing

/// The parser and verifier against signatures the real `ssh-keygen` made (Fixtures/make-fixtures.sh), and against
/// the same signatures broken in every way a parser must survive.
struct SSHSignatureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func message() throws -> [UInt8] { Array(try fixture("message.txt").utf8) }

    @Test(arguments: ["ed25519", "ecdsa", "rsa"])
    func verifiesWhatSSHKeygenSigned(key: String) throws {
        let signature = try SSHSignature(armored: try Self.fixture("\(key).sig"))
        try signature.verify(try Self.message(), namespace: "riskd")
        #expect(signature.publicKey == (try SSHPublicKey(line: try Self.fixture("\(key).pub"))))
        #expect(signature.namespace == "riskd")
    }

    @Test func verifiesAnRSASignatureHashedWithSHA256() throws {
        let signature = try SSHSignature(armored: try Self.fixture("rsa-sha256.sig"))
        #expect(signature.hashAlgorithm == "sha256")
        try signature.verify(try Self.message(), namespace: "riskd")
    }

    @Test(arguments: ["ed25519", "ecdsa", "rsa"])
    func fingerprintIsWhatSSHKeygenPrints(key: String) throws {
        let expected = try Self.fixture("fingerprints.txt").split(separator: "\n")
            .first { $0.hasPrefix("\(key) ") }?.split(separator: " ").last.map(String.init)
        let publicKey = try SSHPublicKey(line: try Self.fixture("\(key).pub"))
        #expect(publicKey.fingerprint == expected)
        #expect(!publicKey.line.contains("ana@example.org"), "the comment is not kept")
    }

    @Test(arguments: ["ed25519", "ecdsa", "rsa"])
    func oneChangedByteOfTheMessageFails(key: String) throws {
        let signature = try SSHSignature(armored: try Self.fixture("\(key).sig"))
        var message = try Self.message()
        message[3] ^= 0x01
        #expect(throws: SSHSignatureError.self) { try signature.verify(message, namespace: "riskd") }
    }

    @Test func anotherNamespaceIsRefusedByName() throws {
        let signature = try SSHSignature(armored: try Self.fixture("ed25519-namespace-git.sig"))
        let error = #expect(throws: SSHSignatureError.self) {
            try signature.verify(try Self.message(), namespace: "riskd")
        }
        #expect(error?.reason.contains("namespace 'git'") == true)
    }

    @Test func anUnsupportedKeyTypeIsRefusedByName() throws {
        let error = #expect(throws: SSHSignatureError.self) {
            try SSHSignature(armored: try Self.fixture("ecdsa384.sig"))
        }
        #expect(error?.reason.contains("ecdsa-sha2-nistp384") == true)
        #expect(throws: SSHSignatureError.self) { try SSHPublicKey(line: try Self.fixture("ecdsa384.pub")) }
    }

    @Test func aShortRSAKeyIsRefused() throws {
        let error = #expect(throws: SSHSignatureError.self) { try SSHPublicKey(line: try Self.fixture("rsa1024.pub")) }
        #expect(error?.reason.contains("2048") == true)
    }

    @Test func anotherHashAlgorithmIsRefusedByName() throws {
        let armored = try Self.fixture("ed25519.sig")
        let blob = try #require(SSHArmour.blob(armored))
        let changed = SSHArmour.replacing(Array("sha512".utf8), with: Array("sha384".utf8), in: blob)
        let signature = try SSHSignature(armored: SSHArmour.armour(changed))
        let error = #expect(throws: SSHSignatureError.self) {
            try signature.verify(try Self.message(), namespace: "riskd")
        }
        #expect(error?.reason.contains("sha384") == true)
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        for key in ["ed25519", "ecdsa", "rsa"] {
            let blob = try #require(SSHArmour.blob(try Self.fixture("\(key).sig")))
            for length in 0..<blob.count {
                #expect(throws: SSHSignatureError.self) {
                    try SSHSignature(armored: SSHArmour.armour(Array(blob.prefix(length))))
                }
            }
        }
    }

    @Test(arguments: [
        ("", "must begin with"),
        ("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n", "must end with"),
        ("-----BEGIN SSH SIGNATURE-----\n!!!!\n-----END SSH SIGNATURE-----\n", "not base64"),
        ("-----BEGIN SSH SIGNATURE-----\nAAAAAAAA\n-----END SSH SIGNATURE-----\n", "SSHSIG"),
        ("-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAg==\n-----END SSH SIGNATURE-----\n", "version 2"),
        ("-----BEGIN PGP SIGNATURE-----\nAAAA\n-----END PGP SIGNATURE-----\n", "must begin with"),
    ])
    func malformedArmourIsRefusedWithAReason(armored: String, reason: String) {
        let error = #expect(throws: SSHSignatureError.self) { try SSHSignature(armored: armored) }
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "")")
    }

    @Test func bytesAfterTheSignatureAreRefused() throws {
        let blob = try #require(SSHArmour.blob(try Self.fixture("ed25519.sig")))
        #expect(throws: SSHSignatureError.self) { try SSHSignature(armored: SSHArmour.armour(blob + [0])) }
    }

    @Test func aSignatureTakenFromAnotherKeyIsRefused() throws {
        // The ed25519 signature bytes under the ecdsa key's name: the algorithm does not belong to the key.
        let ed = try #require(SSHArmour.blob(try Self.fixture("ed25519.sig")))
        let ecdsaKey = try SSHPublicKey(line: try Self.fixture("ecdsa.pub"))
        let edKey = try SSHPublicKey(line: try Self.fixture("ed25519.pub"))
        let swapped = SSHArmour.replacing(edKey.blob, with: ecdsaKey.blob, in: ed, lengthPrefixed: true)
        let signature = try SSHSignature(armored: SSHArmour.armour(swapped))
        #expect(throws: SSHSignatureError.self) { try signature.verify(try Self.message(), namespace: "riskd") }
    }

    @Test(arguments: [
        ("", "not an OpenSSH public key"),
        ("ssh-ed25519", "not an OpenSSH public key"),
        ("ssh-ed25519 not*base64", "not base64"),
        ("ssh-dss AAAAB3NzaC1kc3M=", "ssh-dss"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", "private key"),
        ("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIBYQrIWh4pqB0LBxyHb7Z1zkfDsl6wFZQOg2XMWBSD1x", "says it is ssh-rsa"),
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBYQ", "truncated"),
    ])
    func malformedPublicKeysAreRefusedWithAReason(line: String, reason: String) {
        let error = #expect(throws: SSHSignatureError.self) { try SSHPublicKey(line: line) }
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "")")
    }
}

/// Takes the armour apart and puts it back, so tests can break the blob inside it.
enum SSHArmour {
    static func blob(_ armored: String) -> [UInt8]? {
        let body = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body).map(Array.init)
    }

    static func armour(_ blob: [UInt8]) -> String {
        "-----BEGIN SSH SIGNATURE-----\n\(Data(blob).base64EncodedString(options: .lineLength64Characters))\n"
            + "-----END SSH SIGNATURE-----\n"
    }

    /// `blob` with the first occurrence of `old` replaced by `new`; `lengthPrefixed` rewrites its SSH string length.
    static func replacing(_ old: [UInt8], with new: [UInt8], in blob: [UInt8], lengthPrefixed: Bool = false) -> [UInt8]
    {
        guard let start = (0...(blob.count - old.count)).first(where: { Array(blob[$0..<$0 + old.count]) == old })
        else { return blob }
        let prefixStart = lengthPrefixed ? start - 4 : start
        let length = UInt32(new.count)
        let prefix = lengthPrefixed ? [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } : []
        return Array(blob[..<prefixStart]) + prefix + new + Array(blob[(start + old.count)...])
    }
}
