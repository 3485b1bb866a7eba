/// A confirmation or an acknowledgement signed with the member's own SSH key, as riskd keeps it: enough for anyone
/// to check it later with OpenSSH alone (`ssh-keygen -Y verify`), trusting neither the server nor its root.
public struct Attestation: Sendable, Hashable {
    /// What was attested.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `interest.Confirm`: the register of interests is complete.
        case interestConfirmation = "interest_confirmation"
        /// `ethics.Acknowledge`: the code was read.
        case codeAcknowledgement = "code_acknowledgement"
    }

    /// What was attested.
    public var kind: Kind
    /// Login of the member who signed.
    public var user: String
    /// When riskd recorded it.
    public var at: Instant
    /// The exact text signed (`AttestationStatement`).
    public var statement: String
    /// The armored SSH signature, as `ssh-keygen -Y sign` wrote it.
    public var signature: String
    /// Fingerprint of the key that signed, `SHA256:…`.
    public var fingerprint: String
    /// That key, `TYPE BASE64`, kept so that a key removed since still verifies what it signed.
    public var publicKey: String

    /// An attestation from its fields.
    public init(
        kind: Kind,
        user: String,
        at: Instant,
        statement: String,
        signature: String,
        fingerprint: String,
        publicKey: String
    ) {
        self.kind = kind
        self.user = user
        self.at = at
        self.statement = statement
        self.signature = signature
        self.fingerprint = fingerprint
        self.publicKey = publicKey
    }
}

/// A public SSH key a member registered to sign their attestations with.
public struct MemberKey: Sendable, Hashable {
    /// Login of the member the key belongs to.
    public var user: String
    /// `SHA256:` and the unpadded base64 of the key blob's SHA-256, as `ssh-keygen -l` prints it.
    public var fingerprint: String
    /// The key as `TYPE BASE64`, without the comment of the `.pub` file.
    public var publicKey: String
    /// When it was registered.
    public var addedAt: Instant
    /// Who registered it: the member, or an administrator.
    public var addedBy: String

    /// The most keys one member may have registered at once.
    public static let maxPerMember = 20

    /// A key from its fields.
    public init(user: String, fingerprint: String, publicKey: String, addedAt: Instant, addedBy: String) {
        self.user = user
        self.fingerprint = fingerprint
        self.publicKey = publicKey
        self.addedAt = addedAt
        self.addedBy = addedBy
    }

    /// The lines of an OpenSSH `allowed_signers` file for `keys`, one `USER namespaces="riskd" TYPE BASE64` each,
    /// sorted, each key once.
    public static func allowedSigners(_ keys: some Sequence<(user: String, publicKey: String)>) -> String {
        let lines = Set(keys.map { "\($0.user) namespaces=\"\(AttestationStatement.namespace)\" \($0.publicKey)" })
        return lines.sorted().map { $0 + "\n" }.joined()
    }
}
