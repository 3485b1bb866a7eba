/// What the audit trail of a restored database records of the restore (`riskd --restore`): which backup, and where
/// the database it replaced was kept.
public enum RestoreAudit {
    /// Restored from the backup `file`; `replaced` is where the replaced database was kept, `nil` when there was
    /// none. The entry has no subject: it is about the whole database.
    public static func restored(from file: String, replacedKeptAt replaced: String?) -> AuditDetail {
        AuditDetail(["restoredFrom": .text(file), "replacedKeptAt": replaced.map(AuditDetail.Field.text) ?? .null])
    }
}
