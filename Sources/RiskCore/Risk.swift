/// Where a risk stands in its treatment.
public enum RiskStatus: String, Sendable, Hashable, CaseIterable {
    /// Identified, no treatment under way.
    case open
    /// At least one action was added to treat it.
    case mitigating
    /// Tolerated as it is until `acceptedUntil`.
    case accepted
    /// No longer tracked; `closeReason` says why.
    case closed
}

/// Why a risk was closed.
public enum CloseReason: String, Sendable, Hashable, CaseIterable {
    case mitigated, retired, rejected, cancelled, insignificant
}

/// One entry of the risk register.
///
/// Likelihood and impact are 1…5. The *current* score is the residual one when both residual values are set,
/// else the inherent one; the severity band and the review interval follow from it (`ScoringPolicy`).
public struct Risk: Sendable, Hashable {
    public var id: Int
    /// 1 when created, +1 on every change.
    public var revision: Int
    public var title: String
    public var description: String
    /// One of `risk.categories`.
    public var category: String
    /// A free grouping such as a strategic area.
    public var area: String?
    /// Who answers for the risk: a user name or a role.
    public var owner: String
    public var likelihood: Int
    public var impact: Int
    public var residualLikelihood: Int?
    public var residualImpact: Int?
    public var status: RiskStatus
    public var acceptedUntil: CalendarDate?
    public var closeReason: CloseReason?
    public var nextReviewDue: CalendarDate
    /// Set when an administrator chose `nextReviewDue`; a score change then leaves the date alone until the
    /// next review.
    public var reviewDueFixed: Bool
    public var lastReviewedAt: Instant?
    public var createdAt: Instant
    public var updatedAt: Instant
    /// The current score when the risk was last accepted (`nil` when it never was).
    public var acceptedScore: Int?
    /// Who accepted it, and where that was decided ("M-3 item 4").
    public var acceptedBy: String?
    public var decision: String?
    /// The day its acceptance lapsed, until someone reviews, accepts again or closes the risk: the finding
    /// `risk-acceptance-expired` stays open meanwhile.
    public var lapsedOn: CalendarDate?

    public init(
        id: Int,
        revision: Int,
        title: String,
        description: String,
        category: String,
        area: String?,
        owner: String,
        likelihood: Int,
        impact: Int,
        residualLikelihood: Int?,
        residualImpact: Int?,
        status: RiskStatus,
        acceptedUntil: CalendarDate?,
        closeReason: CloseReason?,
        nextReviewDue: CalendarDate,
        reviewDueFixed: Bool,
        lastReviewedAt: Instant?,
        createdAt: Instant,
        updatedAt: Instant,
        acceptedScore: Int? = nil,
        acceptedBy: String? = nil,
        decision: String? = nil,
        lapsedOn: CalendarDate? = nil
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
        self.status = status
        self.acceptedUntil = acceptedUntil
        self.closeReason = closeReason
        self.nextReviewDue = nextReviewDue
        self.reviewDueFixed = reviewDueFixed
        self.lastReviewedAt = lastReviewedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.acceptedScore = acceptedScore
        self.acceptedBy = acceptedBy
        self.decision = decision
        self.lapsedOn = lapsedOn
    }

    /// Likelihood × impact before treatment.
    public var inherentScore: Int { likelihood * impact }

    /// The likelihood and impact the score is taken from: residual when both are set.
    public var currentRating: (likelihood: Int, impact: Int) {
        if let residualLikelihood, let residualImpact { return (residualLikelihood, residualImpact) }
        return (likelihood, impact)
    }

    /// The current score, 1…25.
    public var score: Int { currentRating.likelihood * currentRating.impact }

    /// The band of the current score.
    public func severity(_ policy: ScoringPolicy) -> Severity {
        policy.severity(ofScore: score)
    }

    /// Whether the review date has passed as of `today`.
    public func isOverdue(today: CalendarDate) -> Bool {
        status != .closed && nextReviewDue < today
    }
}

/// The fields of a risk a caller gives when adding one (`Add`, each row of `Import`), as they came.
public struct RiskDraft: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var category: String
    public var area: String?
    public var owner: String?
    public var likelihood: Int
    public var impact: Int
    public var residualLikelihood: Int?
    public var residualImpact: Int?
    public var nextReviewDue: String?

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

/// The fields an `Update` may change; `nil` leaves a field as it is.
public struct RiskChanges: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var category: String?
    public var area: String?
    public var owner: String?
    public var likelihood: Int?
    public var impact: Int?
    public var residualLikelihood: Int?
    public var residualImpact: Int?
    public var nextReviewDue: String?

    public init(
        title: String? = nil,
        description: String? = nil,
        category: String? = nil,
        area: String? = nil,
        owner: String? = nil,
        likelihood: Int? = nil,
        impact: Int? = nil,
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
