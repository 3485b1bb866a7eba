/// What the audit trail records when riskd reads settings that change how documents read (`DocumentSettings`):
/// which of them changed and their new values, a template as its digest.
public enum ConfigurationAudit {
    /// The subject of every entry about the configuration.
    public static let subject = "configuration"

    /// The settings changed from `earlier` to `now`: `changed` names what, in words
    /// ("organisation name, template"), and each changed setting has its new value. `nil` when nothing changed.
    public static func changed(from earlier: DocumentSettings, to now: DocumentSettings) -> AuditDetail? {
        let changes = now.changes(since: earlier)
        guard !changes.isEmpty else { return nil }
        var detail = AuditDetail(["changed": .text(changes.joined(separator: ", "))])
        if now.organisation != earlier.organisation {
            detail.set("organisation", now.organisation.map(AuditDetail.Field.text) ?? .null)
        }
        if now.template != earlier.template {
            detail.set("template", now.template.map(AuditDetail.Field.digest) ?? .text("built-in"))
        }
        if now.policy != earlier.policy {
            for (key, value) in policyFields(now.policy) where policyFields(earlier.policy)[key] != value {
                detail.set(key, value)
            }
        }
        if now.retainEndedDays != earlier.retainEndedDays {
            detail.set("interests.retain_ended_days", .int(now.retainEndedDays))
        }
        return detail
    }

    /// The review thresholds by their riskd.toml key.
    private static func policyFields(_ policy: ReviewPolicy) -> [String: AuditDetail.Field] {
        let scoring = policy.scoring
        var fields: [String: AuditDetail.Field] = [
            "risk.medium_from": .int(scoring.mediumFrom),
            "risk.high_from": .int(scoring.highFrom),
            "risk.critical_from": .int(scoring.criticalFrom),
            "interests.confirm_every_days": .int(policy.confirmEveryDays),
            "interests.first_confirmation_days": .int(policy.firstConfirmationDays),
            "interests.unmanaged_after_days": .int(policy.unmanagedAfterDays),
            "ethics.acknowledge_within_days": .int(policy.acknowledgeWithinDays),
            "review.remind_every_days": .int(policy.remindEveryDays),
            "interests.gift_declare_above": policy.gifts.declareAbove.map { .text("\($0)") } ?? .null,
            "interests.gift_refuse_above": policy.gifts.refuseAbove.map { .text("\($0)") } ?? .null,
            "interests.currency": policy.gifts.currency.map(AuditDetail.Field.text) ?? .null,
        ]
        for severity in Severity.allCases {
            fields["risk.review_days_\(severity.rawValue)"] = .int(scoring.reviewDays[severity] ?? 0)
        }
        return fields
    }
}
