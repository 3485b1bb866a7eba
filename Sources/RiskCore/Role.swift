/// A role granted through `[access]` in the configuration; a user may hold several.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
    case admin, board, auditor
    /// The mail deliverer (riskd-mail.service): claims queued mails and reports what the MTA answered, nothing
    /// else.
    case mailer

    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
