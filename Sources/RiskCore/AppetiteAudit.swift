/// What the audit trail records of the board's appetites: the category and the highest score now tolerated, or
/// null when the appetite was removed.
public enum AppetiteAudit {
    /// The subject of every entry about the appetite of `category`.
    public static func subject(_ category: String) -> String {
        "appetite:\(category)"
    }

    /// The appetite of `category` set to `maxScore`, or removed (`nil`).
    public static func set(category: String, maxScore: Int?) -> AuditDetail {
        AuditDetail(["category": .text(category), "maxScore": maxScore.map(AuditDetail.Field.int) ?? .null])
    }
}
