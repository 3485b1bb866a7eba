/// What the audit trail records of the risk register: ratings, dates and decisions as they are, descriptions and
/// notes only as their digests.
public enum RiskAudit {
    /// The subject of every entry about risk `id`.
    public static func subject(_ id: Int) -> String {
        "risk:\(id)"
    }

    /// A new risk (`risk.Add`, `risk.Import`).
    public static func added(_ risk: Risk) -> AuditDetail {
        var detail = AuditDetail([
            "title": .text(risk.title), "category": .text(risk.category), "owner": .text(risk.owner),
            "likelihood": .int(risk.likelihood), "impact": .int(risk.impact),
            "nextReviewDue": .text(risk.nextReviewDue.description), "description": .digest(risk.description),
        ])
        detail.set("area", text: risk.area)
        detail.set("residualLikelihood", int: risk.residualLikelihood)
        detail.set("residualImpact", int: risk.residualImpact)
        return detail
    }

    /// A risk changed, field by field as asked (`risk.Update`).
    public static func updated(_ changes: RiskChanges) -> AuditDetail {
        var detail = AuditDetail()
        detail.set("title", text: changes.title)
        detail.set("description", changes.description.map(AuditDetail.Field.digest))
        detail.set("category", text: changes.category)
        detail.set("area", text: changes.area)
        detail.set("owner", text: changes.owner)
        detail.set("likelihood", int: changes.likelihood)
        detail.set("impact", int: changes.impact)
        detail.set("residualLikelihood", int: changes.residualLikelihood)
        detail.set("residualImpact", int: changes.residualImpact)
        detail.set("nextReviewDue", text: changes.nextReviewDue)
        return detail
    }

    /// A review, with the ratings it set (`ratings` holds only ratings).
    public static func reviewed(note: String, ratings: RiskChanges) -> AuditDetail {
        var detail = AuditDetail(["note": .digest(note)])
        detail.set("likelihood", int: ratings.likelihood)
        detail.set("impact", int: ratings.impact)
        detail.set("residualLikelihood", int: ratings.residualLikelihood)
        detail.set("residualImpact", int: ratings.residualImpact)
        return detail
    }

    /// An acceptance until `until` (as asked), with the board's decision when one is named.
    public static func accepted(until: String, note: String, decision: String?) -> AuditDetail {
        var detail = AuditDetail(["until": .text(until), "note": .digest(note)])
        detail.set("decision", text: decision)
        return detail
    }

    /// A closure, and why.
    public static func closed(reason: CloseReason, note: String?) -> AuditDetail {
        var detail = AuditDetail(["reason": .text(reason.rawValue)])
        detail.set("note", note.map(AuditDetail.Field.digest))
        return detail
    }

    /// A closed or accepted risk opened again.
    public static func reopened(note: String) -> AuditDetail {
        AuditDetail(["note": .digest(note)])
    }

    /// The status the risk's open actions gave it (`RiskRules.treatmentStatus`) after a change of action `action`.
    public static func treated(_ status: RiskStatus, from: RiskStatus, action: Int) -> AuditDetail {
        AuditDetail(["status": .text(status.rawValue), "from": .text(from.rawValue), "action": .int(action)])
    }

    /// An acceptance that no longer holds (`AcceptanceRules.lapse`), and why; the entry is riskd's own.
    public static func lapsed(reason: String) -> AuditDetail {
        AuditDetail(["change": .text("lapsed"), "reason": .text(reason)])
    }
}

/// What the audit trail records of a risk's treatment actions: owner, dates and status as they are, the
/// description and notes only as their digests.
public enum ActionAudit {
    /// The subject of every entry about action `id`.
    public static func subject(_ id: Int) -> String {
        "action:\(id)"
    }

    /// A new action; `description` is the text as asked (its digest is of what was sent, before trimming).
    public static func added(_ action: Action, description: String) -> AuditDetail {
        AuditDetail([
            "riskId": .int(action.riskId), "description": .digest(description), "owner": .text(action.owner),
            "dueOn": .text(action.dueOn.description),
        ])
    }

    /// An action changed, field by field as asked (`risk.UpdateAction`).
    public static func updated(
        status: ActionStatus?,
        dueOn: String?,
        owner: String?,
        description: String?,
        note: String?
    ) -> AuditDetail {
        var detail = AuditDetail()
        detail.set("status", text: status?.rawValue)
        detail.set("dueOn", text: dueOn)
        detail.set("owner", text: owner)
        detail.set("description", description.map(AuditDetail.Field.digest))
        detail.set("note", note.map(AuditDetail.Field.digest))
        return detail
    }

    /// An open action cancelled because its risk `riskId` was closed.
    public static func cancelledWithRisk(_ riskId: Int) -> AuditDetail {
        AuditDetail(["status": .text(ActionStatus.cancelled.rawValue), "riskClosed": .int(riskId)])
    }
}
