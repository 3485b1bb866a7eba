/// What the audit trail records of the ethical code: a published version's title and its body as a digest, never
/// the body; an acknowledgement's version and hash, and the signature when the member signed it.
public enum EthicsAudit {
    /// The subject of every entry about version `version`.
    public static func subject(_ version: Int) -> String {
        "ethics:\(version)"
    }

    /// A version published.
    public static func published(_ code: EthicsCode) -> AuditDetail {
        AuditDetail(["version": .int(code.version), "title": .text(code.title), "body": .digest(code.body)])
    }

    /// `acknowledgement` made, or signed (`attestation`) after it was made.
    public static func acknowledged(
        _ acknowledgement: CodeAcknowledgement,
        attestation: Attestation?
    ) -> AuditDetail {
        AttestationAudit.signed(
            AuditDetail(["version": .int(acknowledgement.version), "sha256": .text(acknowledgement.sha256)]),
            by: attestation
        )
    }
}
