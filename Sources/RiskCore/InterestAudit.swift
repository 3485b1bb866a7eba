/// What the audit trail records of declarations of interest: the personal text (description, value, a plan, why it
/// was erased) only as keyed hashes, so that it can be erased while the chain still verifies.
public enum InterestAudit {
    /// The subject of every entry about declaration `id`.
    public static func subject(_ id: Int) -> String {
        "interest:\(id)"
    }

    /// A new declaration, made by its declarant.
    public static func declared(_ interest: Interest) -> AuditDetail {
        var detail = AuditDetail([
            "kind": .text(interest.kind.rawValue), "organisation": .text(interest.organisation),
            "description": .personal(interest.description), "sensitive": .bool(interest.sensitive),
            "startedOn": .text(interest.startedOn.description), "late": .bool(interest.late),
        ])
        detail.set("value", interest.value.map(AuditDetail.Field.personal))
        detail.set("endedOn", text: interest.endedOn?.description)
        detail.set("organisationId", int: interest.organisationId)
        return detail
    }

    /// A new declaration entered for its declarant by someone else (at a meeting, or in an import): names them.
    public static func declaredFor(_ interest: Interest) -> AuditDetail {
        var detail = declared(interest)
        detail.set("declarant", text: interest.declarant)
        return detail
    }

    /// A declaration changed, field by field as asked (`interest.Update`).
    public static func updated(_ changes: InterestChanges) -> AuditDetail {
        var detail = AuditDetail()
        detail.set("description", changes.description.map(AuditDetail.Field.personal))
        detail.set("value", changes.value.map(AuditDetail.Field.personal))
        detail.set("sensitive", changes.sensitive.map(AuditDetail.Field.bool))
        detail.set("endedOn", text: changes.endedOn)
        detail.set("organisation", text: changes.organisation)
        return detail
    }

    /// A declaration ended on `endedOn`, as asked.
    public static func ended(on endedOn: String) -> AuditDetail {
        AuditDetail(["endedOn": .text(endedOn)])
    }

    /// How a conflict is managed.
    public static func managed(plan: String) -> AuditDetail {
        AuditDetail(["plan": .personal(plan)])
    }

    /// A declaration's personal text erased by an administrator, for `reason`.
    public static func erased(reason: String) -> AuditDetail {
        AuditDetail(["erased": .personal(reason)])
    }

    /// A declaration's personal text erased by the daily review, `days` after its end.
    public static func erasedAfterRetention(days: Int) -> AuditDetail {
        AuditDetail(["erased": .text("retention of \(days) days after its end ran out")])
    }

    /// A member's register confirmed (under `member:<user>`), with `active` interests on record, signed or not.
    public static func confirmed(nothingToDeclare: Bool, active: Int, attestation: Attestation?) -> AuditDetail {
        AttestationAudit.signed(
            AuditDetail(["nothingToDeclare": .bool(nothingToDeclare), "activeInterests": .int(active)]),
            by: attestation
        )
    }
}
