/// What the audit trail records under `member:<user>` about a member's own records: the address they are mailed at
/// (their confirmations of the register are `InterestAudit.confirmed`).
public enum MemberAudit {
    /// The subject of every entry about member `user`.
    public static func subject(_ user: String) -> String {
        "member:\(user)"
    }

    /// The address the member is mailed at, set (`email`) or cleared: as a keyed hash, since it is personal data.
    public static func contactSet(_ email: MailAddress?) -> AuditDetail {
        AuditDetail(["email": email.map { .personal($0.description) } ?? .null])
    }
}
