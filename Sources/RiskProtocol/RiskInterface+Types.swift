import Varlink

// MARK: - Types

extension RiskInterface {
    /// One risk of the register, as it stands now.
    public struct Risk: Codable, Sendable, Hashable {
        /// Positive id of the risk; riskctl shows it as R-<id>.
        public var id: Int
        /// Starts at 1 and grows by 1 with every change; pass it as ifRevision to Update.
        public var revision: Int
        /// Short name of the risk.
        public var title: String
        /// What could happen and why; may be empty.
        public var description: String
        /// One of the configured risk.categories, e.g. "financial".
        public var category: String
        /// Where the risk belongs, e.g. a strategic area; `nil` when not set.
        public var area: String?
        /// User name of the person responsible for the risk.
        public var owner: String
        /// Inherent likelihood, before any mitigation, 1..5.
        public var likelihood: Int
        /// Inherent impact, before any mitigation, 1..5.
        public var impact: Int
        /// Likelihood after mitigation, 1..5; `nil` until assessed.
        public var residualLikelihood: Int?
        /// Impact after mitigation, 1..5; `nil` until assessed.
        public var residualImpact: Int?
        /// Current score, 1..25: residual likelihood times residual impact when both are set, else the inherent ones.
        public var score: Int
        /// Band of the current score, from the daemon's configured thresholds.
        public var severity: Severity
        /// open: nothing done yet; mitigating: has an action; accepted: tolerated until acceptedUntil; closed.
        public var status: RiskStatus
        /// Last day the accepted risk is tolerated, YYYY-MM-DD; `nil` unless the status is accepted.
        public var acceptedUntil: String?
        /// Why the risk was closed, one of the reasons of Close; `nil` unless the status is closed.
        public var closeReason: String?
        /// Day the next review is due, YYYY-MM-DD; the risk is overdue once today is later.
        public var nextReviewDue: String
        /// When the risk was last reviewed, RFC 3339 UTC; `nil` when it never was.
        public var lastReviewedAt: String?
        /// When the risk was added, RFC 3339 UTC.
        public var createdAt: String
        /// When the risk last changed, RFC 3339 UTC.
        public var updatedAt: String

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            revision: Int,
            title: String,
            description: String,
            category: String,
            area: String? = nil,
            owner: String,
            likelihood: Int,
            impact: Int,
            residualLikelihood: Int? = nil,
            residualImpact: Int? = nil,
            score: Int,
            severity: Severity,
            status: RiskStatus,
            acceptedUntil: String? = nil,
            closeReason: String? = nil,
            nextReviewDue: String,
            lastReviewedAt: String? = nil,
            createdAt: String,
            updatedAt: String
        ) {
            self.id = id
            self.revision = revision
            self.title = title
            self.description = description
            self.category = category
            self.area = area
            self.owner = owner
            self.likelihood = likelihood
            self.impact = impact
            self.residualLikelihood = residualLikelihood
            self.residualImpact = residualImpact
            self.score = score
            self.severity = severity
            self.status = status
            self.acceptedUntil = acceptedUntil
            self.closeReason = closeReason
            self.nextReviewDue = nextReviewDue
            self.lastReviewedAt = lastReviewedAt
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }
    }
    /// An action taken to mitigate a risk.
    public struct Action: Codable, Sendable, Hashable {
        /// Positive id of the action.
        public var id: Int
        /// Starts at 1 and grows by 1 with every change; pass it as ifRevision to UpdateAction.
        public var revision: Int
        /// Id of the risk the action mitigates.
        public var riskId: Int
        /// What is to be done.
        public var description: String
        /// User name of the person who carries the action out.
        public var owner: String
        /// Day the action is due, YYYY-MM-DD; an open action is overdue once today is later.
        public var dueOn: String
        /// open: to do; done: carried out; cancelled: dropped, also when its risk was closed.
        public var status: ActionStatus
        /// When the action was marked done, RFC 3339 UTC; `nil` unless the status is done.
        public var completedAt: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            revision: Int,
            riskId: Int,
            description: String,
            owner: String,
            dueOn: String,
            status: ActionStatus,
            completedAt: String? = nil
        ) {
            self.id = id
            self.revision = revision
            self.riskId = riskId
            self.description = description
            self.owner = owner
            self.dueOn = dueOn
            self.status = status
            self.completedAt = completedAt
        }
    }
    /// One review of a risk: who looked at it, when, and the assessment they left.
    public struct RiskReview: Codable, Sendable, Hashable {
        /// Positive id of the review.
        public var id: Int
        /// Id of the reviewed risk.
        public var riskId: Int
        /// User name of the reviewer.
        public var reviewer: String
        /// When the review was recorded, RFC 3339 UTC.
        public var reviewedAt: String
        /// What the reviewer found.
        public var note: String
        /// Inherent likelihood after the review, 1..5.
        public var likelihood: Int
        /// Inherent impact after the review, 1..5.
        public var impact: Int
        /// Residual likelihood after the review, 1..5; `nil` when not assessed.
        public var residualLikelihood: Int?
        /// Residual impact after the review, 1..5; `nil` when not assessed.
        public var residualImpact: Int?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            riskId: Int,
            reviewer: String,
            reviewedAt: String,
            note: String,
            likelihood: Int,
            impact: Int,
            residualLikelihood: Int? = nil,
            residualImpact: Int? = nil
        ) {
            self.id = id
            self.riskId = riskId
            self.reviewer = reviewer
            self.reviewedAt = reviewedAt
            self.note = note
            self.likelihood = likelihood
            self.impact = impact
            self.residualLikelihood = residualLikelihood
            self.residualImpact = residualImpact
        }
    }
    /// A new risk: the parameters of Add, and one element of Import.
    public struct NewRisk: Codable, Sendable, Hashable {
        /// Short name of the risk; must not be empty.
        public var title: String
        /// What could happen and why; `nil` means empty.
        public var description: String?
        /// One of the configured risk.categories; anything else is InvalidValue.
        public var category: String
        /// Where the risk belongs, e.g. a strategic area.
        public var area: String?
        /// User name of the owner; `nil` means the caller.
        public var owner: String?
        /// Inherent likelihood, 1..5.
        public var likelihood: Int
        /// Inherent impact, 1..5.
        public var impact: Int
        /// Residual likelihood, 1..5; set both residual values or neither.
        public var residualLikelihood: Int?
        /// Residual impact, 1..5; set both residual values or neither.
        public var residualImpact: Int?
        /// Day the first review is due, YYYY-MM-DD, may lie in the past; `nil`: computed from the severity band.
        public var nextReviewDue: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            title: String,
            description: String? = nil,
            category: String,
            area: String? = nil,
            owner: String? = nil,
            likelihood: Int,
            impact: Int,
            residualLikelihood: Int? = nil,
            residualImpact: Int? = nil,
            nextReviewDue: String? = nil
        ) {
            self.title = title
            self.description = description
            self.category = category
            self.area = area
            self.owner = owner
            self.likelihood = likelihood
            self.impact = impact
            self.residualLikelihood = residualLikelihood
            self.residualImpact = residualImpact
            self.nextReviewDue = nextReviewDue
        }
    }
    /// One cell of the risk matrix: how many risks share a likelihood and an impact.
    public struct Cell: Codable, Sendable, Hashable {
        /// Likelihood of the cell, 1..5.
        public var likelihood: Int
        /// Impact of the cell, 1..5.
        public var impact: Int
        /// Number of risks that are not closed in this cell, at least 1.
        public var count: Int

        /// Creates a value from its fields.
        public init(likelihood: Int, impact: Int, count: Int) {
            self.likelihood = likelihood
            self.impact = impact
            self.count = count
        }
    }
}
