import ArgumentParser
import RiskProtocol

/// `--sign` and `--key FILE`: sign an attesting act (a confirmation, an acknowledgement) with your own SSH key.
struct SigningOptions: ParsableArguments {
    /// Sign with the default key.
    @Flag(
        name: .customLong("sign"),
        help: "Sign the statement with your SSH key (ssh-keygen -Y sign; ssh-agent is used when it holds the key)."
    )
    var sign = false

    /// The key to sign with.
    @Option(
        name: .customLong("key"),
        help: ArgumentHelp(
            "Sign with this key: a public key whose private key ssh-agent holds or lies beside it (implies --sign).",
            valueName: "file"
        )
    )
    var key: String?

    /// Whether to sign.
    var signs: Bool { sign || key != nil }

    /// The signature of `statement`, or nil when not signing. Without `--key`, the member's registered keys (from
    /// `connection`) decide which of the default and agent keys signs.
    func signature(of statement: String, _ connection: Connection) throws(RiskctlError) -> String? {
        guard signs else { return nil }
        guard key == nil else { return try SSHSigner.sign(statement, key: key) }
        let registered = try connection.call(MemberInterface.Keys.self, .init(user: nil)).decoded().keys
        return try SSHSigner.sign(statement, key: nil, registered: registered.map(\.publicKey))
    }
}
