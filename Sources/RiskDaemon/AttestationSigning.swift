import RiskCore
import RiskStore
import SSHSignature

/// Checks the SSH signature of a confirmation or an acknowledgement over its statement, against the member's keys:
/// the one place that decides whether an attestation is accepted, and with what words it is refused.
///
/// Runs inside the transaction that records it (`RiskDatabase.AttestationCheck`), over the statement made from the
/// register as that transaction reads it, so a signature over a statement made before the register changed, or on
/// another day, does not verify: riskd cannot tell those apart from an altered text, and says so.
struct AttestationSigning {
    /// What is attested.
    let kind: Attestation.Kind
    /// The armored signature the caller sent; nil when unsigned.
    let signature: String?
    /// Whether an unsigned one is refused (`interests.require_signature`).
    let required: Bool
    /// When the attestation is recorded.
    let now: Instant
    /// The member's account's full name, read before the transaction (NSS may be slow).
    let accountName: String?

    /// The signing of `request`'s attestation of `kind`, as the configuration of `context` requires it.
    init(_ kind: Attestation.Kind, signature: String?, request: Request, context: DaemonContext) {
        self.kind = kind
        self.signature = signature
        required = context.configuration.interests.requireSignature
        now = request.now
        accountName = UserDirectory.fullName(ofUser: request.caller.user)
    }

    /// The longest armored signature read: an RSA key of 16 384 bits signs in under 6 KiB.
    static let maxSignatureLength = 16 * 1024

    /// The check to hand to the database: the statement from `facts`, then the signature over it.
    func check(
        statement: @escaping @Sendable (RiskDatabase.AttestationFacts, String?) throws -> String
    )
        -> RiskDatabase.AttestationCheck
    {
        { facts in
            let name = PeopleNames.name(of: facts.user, set: facts.setName, account: { [accountName] _ in accountName })
            return try verify(statement(facts, name), user: facts.user, keys: facts.keys)
        }
    }

    /// The attestation to record for `statement`, nil for an unsigned one that is allowed; throws the refusal.
    func verify(_ statement: String, user: String, keys: [MemberKey]) throws -> Attestation? {
        guard let armored = signature else {
            guard !required else {
                throw DomainError.invalidValue(
                    "signature",
                    "is required (interests.require_signature): sign the statement with your SSH key (riskctl --sign)"
                )
            }
            return nil
        }
        guard armored.utf8.count <= Self.maxSignatureLength else {
            throw DomainError.invalidValue("signature", "is longer than \(Self.maxSignatureLength) bytes")
        }
        let parsed: SSHSignature
        switch Result(catching: { () throws(SSHSignatureError) in try SSHSignature(armored: armored) }) {
        case .success(let signature): parsed = signature
        case .failure(let error): throw DomainError.invalidValue("signature", error.reason)
        }
        let namespace = AttestationStatement.namespace
        guard parsed.namespace == namespace else {
            throw DomainError.invalidValue(
                "signature",
                "was made for the namespace '\(parsed.namespace)', not '\(namespace)' (sign with -n \(namespace))"
            )
        }
        let fingerprint = parsed.publicKey.fingerprint
        guard let key = keys.first(where: { $0.fingerprint == fingerprint }) else {
            throw DomainError.invalidValue(
                "signature",
                "was made with the key \(fingerprint), which is not registered to \(user) (riskctl member key add)"
            )
        }
        do {
            try parsed.verify(Array(statement.utf8), namespace: namespace)
        } catch {
            throw DomainError.invalidValue(
                "signature",
                "does not verify over the statement as it is now: the register or the day changed since it was made, "
                    + "or the text was altered; get the statement again and sign it"
            )
        }
        return Attestation(
            kind: kind,
            user: user,
            at: now,
            statement: statement,
            signature: armored,
            fingerprint: key.fingerprint,
            publicKey: key.publicKey
        )
    }
}
