import Varlink

/// The `org.riskd.review` interface: review runs and the findings they raise.
///
/// A review run evaluates every rule: risk-review-overdue, risk-untreated, risk-acceptance-expired, action-overdue,
/// interest-confirmation-overdue, interest-unmanaged, ethics-unacknowledged. A finding is raised once, stays open while
/// its condition holds and resolves itself when it clears; an admin can acknowledge it to silence its reminders.
/// Subjects read risk:<id>, action:<id>, interest:<id>, member:<user>. Roles: Run and Acknowledge: admin. Preview,
/// Findings, Runs and Watch: admin, auditor.
public enum ReviewInterface {
    /// The interface name, `org.riskd.review`.
    public static let name = "org.riskd.review"

    /// The IDL text of `org.riskd.review`, embedded from `IDL/org.riskd.review.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_review_varlink) else {
            preconditionFailure("embedded IDL org.riskd.review has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.review`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No finding has this id.
        ///
        /// Parameters: `id`.
        public static let noSuchFinding = "org.riskd.review.NoSuchFinding"

        /// A parameter is well-formed but breaks a rule, e.g. an asOf that is not an RFC 3339 time; nothing was
        /// changed.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.review.InvalidValue"
    }
}

// MARK: - Enumerations

extension ReviewInterface {
    /// How urgent a finding is.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        /// Logged to the journal with priority 4.
        case warning
        /// Logged to the journal with priority 2.
        case critical
    }

    /// What started a review run.
    public enum Trigger: String, Codable, Sendable, CaseIterable {
        /// The daily scheduled run.
        case schedule
        /// The catch-up run when the daemon starts.
        case startup
        /// A run asked for through `Run`.
        case manual
    }

    /// What happened to a finding, as streamed by `Watch`.
    public enum Event: String, Codable, Sendable, CaseIterable {
        /// A run raised the finding.
        case raised
        /// The finding's condition cleared.
        case resolved
        /// A reminder about the open, unacknowledged finding went to the journal.
        case reminded
    }
}


// MARK: - Types

extension ReviewInterface {
    /// One finding of a review rule about one subject.
    public struct Finding: Codable, Sendable, Hashable {
        /// Positive id of the finding; riskctl shows it as F-<id>. 0 in a Preview for a finding not stored yet.
        public var id: Int
        /// Name of the rule that raised it, e.g. "risk-review-overdue".
        public var rule: String
        /// What it is about: risk:<id>, action:<id>, interest:<id> or member:<user>.
        public var subject: String
        /// How urgent it is; a critical finding is logged with journal priority 2, a warning with 4.
        public var severity: Severity
        /// What is wrong, as a sentence for a person.
        public var message: String
        /// When a run first raised it, RFC 3339 UTC.
        public var firstSeenAt: String
        /// When a run last found its condition still holding, RFC 3339 UTC.
        public var lastSeenAt: String
        /// When it was last written to the journal, raised or reminded, RFC 3339 UTC; `nil` when never.
        public var lastAlertedAt: String?
        /// When a run found its condition cleared, RFC 3339 UTC; `nil` while it is open.
        public var resolvedAt: String?
        /// User name of the admin who acknowledged it; `nil` when not acknowledged.
        public var acknowledgedBy: String?
        /// When it was acknowledged, RFC 3339 UTC; `nil` when not acknowledged.
        public var acknowledgedAt: String?
        /// The note left when acknowledging it.
        public var note: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            rule: String,
            subject: String,
            severity: Severity,
            message: String,
            firstSeenAt: String,
            lastSeenAt: String,
            lastAlertedAt: String? = nil,
            resolvedAt: String? = nil,
            acknowledgedBy: String? = nil,
            acknowledgedAt: String? = nil,
            note: String? = nil
        ) {
            self.id = id
            self.rule = rule
            self.subject = subject
            self.severity = severity
            self.message = message
            self.firstSeenAt = firstSeenAt
            self.lastSeenAt = lastSeenAt
            self.lastAlertedAt = lastAlertedAt
            self.resolvedAt = resolvedAt
            self.acknowledgedBy = acknowledgedBy
            self.acknowledgedAt = acknowledgedAt
            self.note = note
        }
    }
    /// One review run and what it changed.
    public struct ReviewRun: Codable, Sendable, Hashable {
        /// Positive id of the run.
        public var id: Int
        /// schedule: the daily run; startup: the catch-up when the daemon starts; manual: called through Run.
        public var trigger: Trigger
        /// When the run started, RFC 3339 UTC.
        public var startedAt: String
        /// When the run finished, RFC 3339 UTC.
        public var finishedAt: String
        /// Number of findings this run raised.
        public var raised: Int
        /// Number of findings open after this run.
        public var open: Int
        /// Number of findings this run resolved.
        public var resolved: Int
        /// Number of journal alerts this run wrote: raised, reminded and resolved findings.
        public var alerted: Int

        /// Creates a value from its fields.
        public init(
            id: Int,
            trigger: Trigger,
            startedAt: String,
            finishedAt: String,
            raised: Int,
            open: Int,
            resolved: Int,
            alerted: Int
        ) {
            self.id = id
            self.trigger = trigger
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.raised = raised
            self.open = open
            self.resolved = resolved
            self.alerted = alerted
        }
    }
}
