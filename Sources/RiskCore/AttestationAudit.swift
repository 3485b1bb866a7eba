/// What the audit entry of a signed statement (an acknowledgement of the code, a confirmation of the register) adds
/// about its signature: the statement as its SHA-256, the signature and the key's fingerprint. The statement itself
/// is kept in the attestation table.
public enum AttestationAudit {
    /// `detail` with `attestation`'s fields added; unchanged when the statement was not signed (`nil`).
    public static func signed(_ detail: AuditDetail, by attestation: Attestation?) -> AuditDetail {
        guard let attestation else { return detail }
        var signed = detail
        signed.set("statement", .digest(attestation.statement))
        signed.set("signature", .text(attestation.signature))
        signed.set("fingerprint", .text(attestation.fingerprint))
        return signed
    }
}
