import ArgumentParser

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

    /// The signature of `statement`, or nil when not signing.
    func signature(of statement: String) throws(RiskctlError) -> String? {
        guard signs else { return nil }
        return try SSHSigner.sign(statement, key: key)
    }
}
