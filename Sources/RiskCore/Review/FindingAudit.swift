/// What the audit trail records of a review finding: only its acknowledgement is a person's change (a run's own
/// raising and resolving is kept in the finding and the run), its note as a digest.
public enum FindingAudit {
    /// The subject of every entry about finding `id`.
    public static func subject(_ id: Int) -> String {
        "finding:\(id)"
    }

    /// A finding acknowledged with `note`: its reminders stop.
    public static func acknowledged(note: String) -> AuditDetail {
        AuditDetail(["note": .digest(note)])
    }
}
