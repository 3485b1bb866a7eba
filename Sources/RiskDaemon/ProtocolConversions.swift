import RiskCore
import RiskProtocol
import RiskStore

/// Domain values as the wire types of `org.riskd.*`. The only place that knows both shapes.
extension RiskInterface.Risk {
    /// `appetites`: category → highest score tolerated, for `aboveAppetite`.
    init(_ risk: RiskCore.Risk, scoring: ScoringPolicy, appetites: [String: Int]) {
        self.init(
            id: risk.id,
            revision: risk.revision,
            title: risk.title,
            description: risk.description,
            category: risk.category,
            area: risk.area,
            owner: risk.owner,
            likelihood: risk.likelihood,
            impact: risk.impact,
            residualLikelihood: risk.residualLikelihood,
            residualImpact: risk.residualImpact,
            score: risk.score,
            severity: RiskInterface.Severity(risk.severity(scoring)),
            status: RiskInterface.RiskStatus(risk.status),
            acceptedUntil: risk.acceptedUntil?.description,
            closeReason: risk.closeReason?.rawValue,
            nextReviewDue: risk.nextReviewDue.description,
            lastReviewedAt: risk.lastReviewedAt?.description,
            createdAt: risk.createdAt.description,
            updatedAt: risk.updatedAt.description,
            aboveAppetite: AppetiteRules.isAbove(risk, appetites: appetites),
            acceptedScore: risk.acceptedScore,
            acceptedBy: risk.acceptedBy,
            decision: risk.decision,
            lapsedOn: risk.lapsedOn?.description
        )
    }
}

extension RiskInterface.RiskVersion {
    init(_ version: RiskCore.RiskVersion, scoring: ScoringPolicy, appetites: [String: Int]) {
        self.init(
            risk: .init(version.risk, scoring: scoring, appetites: appetites),
            at: version.at.description,
            actor: version.actor,
            change: RiskInterface.RiskChange(version.change),
            note: version.note
        )
    }
}

extension RiskInterface.Appetite {
    init(_ appetite: RiskCore.Appetite) {
        self.init(
            category: appetite.category,
            maxScore: appetite.maxScore,
            setBy: appetite.setBy,
            setAt: appetite.setAt.description
        )
    }
}

extension RiskInterface.Action {
    init(_ action: RiskCore.Action) {
        self.init(
            id: action.id,
            revision: action.revision,
            riskId: action.riskId,
            description: action.description,
            owner: action.owner,
            dueOn: action.dueOn.description,
            status: RiskInterface.ActionStatus(action.status),
            completedAt: action.completedAt?.description
        )
    }
}

extension RiskInterface.RiskReview {
    init(_ review: RiskReviewRecord) {
        self.init(
            id: review.id ?? 0,
            riskId: review.riskId,
            reviewer: review.reviewer,
            reviewedAt: review.reviewedAt,
            note: review.note,
            likelihood: review.likelihood,
            impact: review.impact,
            residualLikelihood: review.residualLikelihood,
            residualImpact: review.residualImpact
        )
    }
}

extension RiskDraft {
    init(_ new: RiskInterface.NewRisk) {
        self.init(
            title: new.title,
            description: new.description,
            category: new.category,
            area: new.area,
            owner: new.owner,
            likelihood: new.likelihood,
            impact: new.impact,
            residualLikelihood: new.residualLikelihood,
            residualImpact: new.residualImpact,
            nextReviewDue: new.nextReviewDue
        )
    }
}

extension AuditInterface.Entry {
    init(_ entry: AuditEntry) {
        self.init(
            seq: entry.seq,
            at: entry.at,
            actor: entry.actor,
            uid: entry.uid,
            method: entry.method,
            subject: entry.subject,
            detail: entry.detail,
            hash: entry.hash
        )
    }
}
