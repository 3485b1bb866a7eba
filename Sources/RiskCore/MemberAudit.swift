/// What the audit trail records under `member:<user>` about a member's own records: the address they are mailed at,
/// their name, their public keys, the roles riskd saw them take and lose (their confirmations of the register are
/// `InterestAudit.confirmed`).
public enum MemberAudit {
    /// The subject of every entry about member `user`.
    public static func subject(_ user: String) -> String {
        "member:\(user)"
    }

    /// The address the member is mailed at, set (`email`) or cleared: as a keyed hash, since it is personal data.
    public static func contactSet(_ email: MailAddress?) -> AuditDetail {
        AuditDetail(["email": email.map { .personal($0.description) } ?? .null])
    }

    /// A public key registered to the member: its fingerprint and the key itself, both public.
    public static func keyAdded(_ key: MemberKey) -> AuditDetail {
        AuditDetail(["fingerprint": .text(key.fingerprint), "publicKey": .text(key.publicKey)])
    }

    /// A key removed, by its fingerprint.
    public static func keyRemoved(_ fingerprint: String) -> AuditDetail {
        AuditDetail(["removed": .text(fingerprint)])
    }

    /// What riskd saw of the member's `role` when it changed a span of the role's history: holding it for the first
    /// time since it last saw them without it (`holding`), or without it for the first time. riskd's own entry,
    /// never one per sighting: a document for a past time shows the board these entries trace.
    public static func roleSeen(_ role: Role, holding: Bool) -> AuditDetail {
        AuditDetail(["role": .text(role.rawValue), "seen": .text(holding ? "holding" : "without")])
    }

    /// The name documents give the member: as a keyed hash, since it is personal data.
    public static func nameSet(_ name: String) -> AuditDetail {
        AuditDetail(["name": .personal(name)])
    }
}
