/// How urgent a finding is; journald priority follows it (critical 2, warning 4, notice 5).
public enum FindingSeverity: String, Sendable, Hashable, CaseIterable {
    case warning, critical
    /// Something to tidy rather than a duty missed, such as a declaration not linked to the registry.
    case notice

    /// The syslog priority of the journal entry that raises or reminds of a finding of this severity.
    public var priority: Int {
        switch self {
        case .critical: 2
        case .warning: 4
        case .notice: 5
        }
    }
}

/// The names of the review rules: stable, they appear in the protocol, the journal and the catalog.
public enum ReviewRule: String, Sendable, Hashable, CaseIterable {
    case riskReviewOverdue = "risk-review-overdue"
    case riskUntreated = "risk-untreated"
    case riskAcceptanceExpired = "risk-acceptance-expired"
    case actionOverdue = "action-overdue"
    case interestConfirmationOverdue = "interest-confirmation-overdue"
    case interestUnmanaged = "interest-unmanaged"
    case ethicsUnacknowledged = "ethics-unacknowledged"
    case riskAboveAppetite = "risk-above-appetite"
    case interestGiftOverLimit = "interest-gift-over-limit"
    case meetingRecusalUnrecorded = "meeting-recusal-unrecorded"
    case concernOpen = "concern-open"
    case interestOrganisationUnlisted = "interest-organisation-unlisted"
    case mailBounced = "mail-bounced"
    case mailUnaddressed = "mail-unaddressed"
}

/// What a rule found about one subject at one moment: the condition holds now.
///
/// `subject` is `risk:<id>`, `action:<id>`, `interest:<id>`, `member:<user>`, `meeting:<id>`, `concern:<id>` or
/// `mail:<id>`; with `rule` it identifies a finding across runs. The message is for an administrator and never
/// carries a declaration's private text.
public struct Observation: Sendable, Hashable {
    public var rule: ReviewRule
    public var subject: String
    public var severity: FindingSeverity
    public var message: String

    public init(rule: ReviewRule, subject: String, severity: FindingSeverity, message: String) {
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.message = message
    }

    /// The identity of the finding this observation belongs to.
    public var key: FindingKey { FindingKey(rule: rule, subject: subject) }
}

/// A rule and a subject: one finding at most is open for each.
public struct FindingKey: Sendable, Hashable {
    public var rule: ReviewRule
    public var subject: String

    public init(rule: ReviewRule, subject: String) {
        self.rule = rule
        self.subject = subject
    }
}

/// An open finding as stored, reduced to what the lifecycle needs.
public struct OpenFinding: Sendable, Hashable {
    public var id: Int
    public var key: FindingKey
    /// The severity and message stored for it, to tell whether this run changes them.
    public var severity: FindingSeverity
    public var message: String
    public var lastAlertedAt: Instant?
    public var acknowledged: Bool

    public init(
        id: Int,
        key: FindingKey,
        severity: FindingSeverity,
        message: String,
        lastAlertedAt: Instant?,
        acknowledged: Bool
    ) {
        self.id = id
        self.key = key
        self.severity = severity
        self.message = message
        self.lastAlertedAt = lastAlertedAt
        self.acknowledged = acknowledged
    }
}
