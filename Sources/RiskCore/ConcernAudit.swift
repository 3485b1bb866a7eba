/// What the audit trail records of a concern: its text, whom it is about and its outcome as keyed hashes (personal
/// data, erasable), its kind and status as they are.
public enum ConcernAudit {
    /// The subject of every entry about concern `id`.
    public static func subject(_ id: Int) -> String {
        "concern:\(id)"
    }

    /// A concern raised.
    public static func raised(_ concern: Concern) -> AuditDetail {
        AuditDetail([
            "kind": .text(concern.kind.rawValue), "text": .personal(concern.text),
            "about": concern.about.map(AuditDetail.Field.personal) ?? .null,
        ])
    }

    /// A concern closed, with its outcome.
    public static func closed(_ concern: Concern) -> AuditDetail {
        AuditDetail(["status": .text(concern.status.rawValue), "outcome": .personal(concern.outcome ?? "")])
    }
}
