/// The life of a risk as pure functions: each takes the record, the request and the time, and returns the new
/// record or throws the rule it breaks. Nothing here stores anything.
public enum RiskRules {
    /// A new risk from a draft; `id` is assigned by the store afterwards (0 here).
    ///
    /// The owner defaults to `caller`. Without a `nextReviewDue` the first review is due one band interval after
    /// `today`; a given date may lie in the past (an imported register keeps its real dates).
    public static func create(
        _ draft: RiskDraft,
        caller: String,
        now: Instant,
        today: CalendarDate,
        policy: RiskPolicy
    ) throws(DomainError) -> Risk {
        let title = try FieldRules.requiredText(draft.title, field: "title")
        let description = try FieldRules.optionalText(draft.description ?? "", field: "description")
        let category = try validCategory(draft.category, policy: policy)
        let area = try draft.area.map { (area: String) throws(DomainError) in
            try FieldRules.optionalText(area, field: "area", limit: TextLimits.short)
        }
        let owner = try FieldRules.requiredText(draft.owner ?? caller, field: "owner")
        try checkRatings(
            likelihood: draft.likelihood,
            impact: draft.impact,
            residualLikelihood: draft.residualLikelihood,
            residualImpact: draft.residualImpact
        )
        var risk = Risk(
            id: 0,
            revision: 1,
            title: title,
            description: description,
            category: category,
            area: area?.isEmpty == true ? nil : area,
            owner: owner,
            likelihood: draft.likelihood,
            impact: draft.impact,
            residualLikelihood: draft.residualLikelihood,
            residualImpact: draft.residualImpact,
            status: .open,
            acceptedUntil: nil,
            closeReason: nil,
            nextReviewDue: today,
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: now,
            updatedAt: now
        )
        if let due = draft.nextReviewDue {
            risk.nextReviewDue = try FieldRules.date(due, field: "nextReviewDue")
            risk.reviewDueFixed = true
        } else {
            risk.nextReviewDue = today.adding(days: policy.scoring.reviewInterval(for: risk.severity(policy.scoring)))
        }
        return risk
    }

    /// The risk with `changes` applied. A score change moves an automatic review date to match the new band,
    /// counted from the last review (or creation); a date an administrator set stays.
    public static func update(
        _ risk: Risk,
        with changes: RiskChanges,
        now: Instant,
        policy: RiskPolicy
    )
        throws(DomainError) -> Risk
    {
        var updated = risk
        if let title = changes.title { updated.title = try FieldRules.requiredText(title, field: "title") }
        if let description = changes.description {
            updated.description = try FieldRules.optionalText(description, field: "description")
        }
        if let category = changes.category { updated.category = try validCategory(category, policy: policy) }
        if let area = changes.area {
            let text = try FieldRules.optionalText(area, field: "area", limit: TextLimits.short)
            updated.area = text.isEmpty ? nil : text
        }
        if let owner = changes.owner { updated.owner = try FieldRules.requiredText(owner, field: "owner") }
        updated.likelihood = changes.likelihood ?? risk.likelihood
        updated.impact = changes.impact ?? risk.impact
        updated.residualLikelihood = changes.residualLikelihood ?? risk.residualLikelihood
        updated.residualImpact = changes.residualImpact ?? risk.residualImpact
        try checkRatings(
            likelihood: updated.likelihood,
            impact: updated.impact,
            residualLikelihood: updated.residualLikelihood,
            residualImpact: updated.residualImpact
        )
        if let due = changes.nextReviewDue {
            updated.nextReviewDue = try FieldRules.date(due, field: "nextReviewDue")
            updated.reviewDueFixed = true
        } else if !risk.reviewDueFixed, updated.score != risk.score {
            let base = risk.lastReviewedAt?.utcDate ?? risk.createdAt.utcDate
            updated.nextReviewDue = base.adding(
                days: policy.scoring.reviewInterval(for: updated.severity(policy.scoring))
            )
        }
        return touched(updated, now: now)
    }

    /// The risk after a review on `today`: new ratings when given, and the next review one band interval on.
    public static func review(
        _ risk: Risk,
        note: String,
        ratings: RiskChanges,
        now: Instant,
        today: CalendarDate,
        policy: RiskPolicy
    ) throws(DomainError) -> Risk {
        _ = try FieldRules.requiredText(note, field: "note", limit: TextLimits.long)
        guard risk.status != .closed else {
            throw .invalidValue("id", "risk R-\(risk.id) is closed; reopen it before reviewing it")
        }
        var reviewed = risk
        reviewed.likelihood = ratings.likelihood ?? risk.likelihood
        reviewed.impact = ratings.impact ?? risk.impact
        reviewed.residualLikelihood = ratings.residualLikelihood ?? risk.residualLikelihood
        reviewed.residualImpact = ratings.residualImpact ?? risk.residualImpact
        try checkRatings(
            likelihood: reviewed.likelihood,
            impact: reviewed.impact,
            residualLikelihood: reviewed.residualLikelihood,
            residualImpact: reviewed.residualImpact
        )
        reviewed.lastReviewedAt = now
        reviewed.lapsedOn = nil
        reviewed.reviewDueFixed = false
        reviewed.nextReviewDue = today.adding(
            days: policy.scoring.reviewInterval(for: reviewed.severity(policy.scoring))
        )
        return touched(reviewed, now: now)
    }

    /// The risk accepted as it is until `until`, which must lie after `today`, by `by`; `decision` says where it
    /// was decided ("M-3 item 4"). The current score is kept: a score rising above it lapses the acceptance
    /// (`AcceptanceRules`).
    public static func accept(
        _ risk: Risk,
        until: String,
        note: String,
        decision: String? = nil,
        by: String? = nil,
        now: Instant,
        today: CalendarDate
    )
        throws(DomainError) -> Risk
    {
        _ = try FieldRules.requiredText(note, field: "note", limit: TextLimits.long)
        let decision = try decision.map { text throws(DomainError) in
            try FieldRules.requiredText(text, field: "decision", limit: TextLimits.short)
        }
        let date = try FieldRules.date(until, field: "until")
        guard date > today else { throw .invalidValue("until", "must lie after today (\(today))") }
        guard risk.status != .closed else {
            throw .invalidValue("id", "risk R-\(risk.id) is closed; reopen it before accepting it")
        }
        var accepted = risk
        accepted.status = .accepted
        accepted.acceptedUntil = date
        accepted.acceptedScore = risk.score
        accepted.acceptedBy = by
        accepted.decision = decision
        accepted.lapsedOn = nil
        return touched(accepted, now: now)
    }

    /// The risk closed for `reason`. Its open actions are cancelled by the caller in the same transaction.
    public static func close(_ risk: Risk, reason: CloseReason, note: String?, now: Instant) throws(DomainError) -> Risk
    {
        if let note { _ = try FieldRules.optionalText(note, field: "note") }
        guard risk.status != .closed else { throw .invalidValue("id", "risk R-\(risk.id) is already closed") }
        var closed = risk
        closed.status = .closed
        closed.closeReason = reason
        closed.acceptedUntil = nil
        closed.lapsedOn = nil
        return touched(closed, now: now)
    }

    /// A closed or accepted risk opened again (an acceptance withdrawn); due for review one band interval after
    /// `today` unless it already is sooner.
    public static func reopen(
        _ risk: Risk,
        note: String,
        now: Instant,
        today: CalendarDate,
        policy: RiskPolicy
    )
        throws(DomainError) -> Risk
    {
        _ = try FieldRules.requiredText(note, field: "note", limit: TextLimits.long)
        guard risk.status == .closed || risk.status == .accepted else {
            throw .invalidValue("id", "risk R-\(risk.id) is \(risk.status.rawValue), not closed or accepted")
        }
        var reopened = risk
        reopened.status = .open
        reopened.closeReason = nil
        reopened.acceptedUntil = nil
        let due = today.adding(days: policy.scoring.reviewInterval(for: risk.severity(policy.scoring)))
        reopened.nextReviewDue = min(risk.nextReviewDue < today ? today : risk.nextReviewDue, due)
        return touched(reopened, now: now)
    }

    /// The status a risk takes when an action is added to it: `open` becomes `mitigating`.
    public static func statusAfterAddingAction(_ risk: Risk) throws(DomainError) -> RiskStatus {
        guard risk.status != .closed else {
            throw .invalidValue("riskId", "risk R-\(risk.id) is closed; reopen it before adding actions")
        }
        return treatmentStatus(of: risk.status, openActions: 1)
    }

    /// Checks ratings: each 1…5, residual values both set or both absent.
    public static func checkRatings(
        likelihood: Int,
        impact: Int,
        residualLikelihood: Int?,
        residualImpact: Int?
    )
        throws(DomainError)
    {
        try FieldRules.rating(likelihood, field: "likelihood")
        try FieldRules.rating(impact, field: "impact")
        if let residualLikelihood { try FieldRules.rating(residualLikelihood, field: "residualLikelihood") }
        if let residualImpact { try FieldRules.rating(residualImpact, field: "residualImpact") }
        switch (residualLikelihood, residualImpact) {
        case (nil, .some): throw .invalidValue("residualLikelihood", "must be given with residualImpact")
        case (.some, nil): throw .invalidValue("residualImpact", "must be given with residualLikelihood")
        default: break
        }
    }

    static func validCategory(_ category: String, policy: RiskPolicy) throws(DomainError) -> String {
        guard policy.categories.contains(category) else {
            throw .invalidValue(
                "category",
                "must be one of \(policy.categories.joined(separator: ", ")), not \"\(category)\""
            )
        }
        return category
    }

    static func touched(_ risk: Risk, now: Instant) -> Risk {
        var risk = risk
        risk.revision += 1
        risk.updatedAt = now
        return risk
    }
}
