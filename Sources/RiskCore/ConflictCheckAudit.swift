/// What the audit trail records of a conflict check (`interest.Check`, and each checked item of a meeting).
public enum ConflictCheckAudit {
    /// The subject of the entry about stored check `id`.
    public static func subject(_ id: Int) -> String {
        "check:\(id)"
    }

    /// The matter and the names asked, never what was found. The entry is the member's to read (their export), and
    /// a count of conflicts would count another member's sensitive interest, which the check's reply leaves out;
    /// the conflicts stay with the stored check, read through `interest.Checks`.
    public static func recorded(_ check: ConflictCheck) -> AuditDetail {
        AuditDetail([
            "matter": .text(check.matter),
            "organisations": .text(check.organisations.joined(separator: "; ")),
        ])
    }
}
