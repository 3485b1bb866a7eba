import RiskCore
import Testing

/// What riskd.toml changes in documents, and how the audit trail says so (`DocumentSettings.changes`,
/// `ConfigurationAudit.changed`), as a table of changes.
@Suite("Document settings")
struct DocumentSettingsTests {
    static let standard = DocumentSettings(
        organisation: "Drug Policy Network",
        template: nil,
        policy: ReviewPolicy(),
        retainEndedDays: 365
    )

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var change: @Sendable (inout DocumentSettings) -> Void
        var changed: String?
        var fields: [String: AuditDetail.Field]
    }

    static let cases: [Case] = [
        Case(description: "nothing", change: { _ in }, changed: nil, fields: [:]),
        Case(
            description: "the name",
            change: { $0.organisation = "DPN South East Europe" },
            changed: "organisation name",
            fields: ["organisation": .text("DPN South East Europe")]
        ),
        Case(
            description: "the name taken away",
            change: { $0.organisation = nil },
            changed: "organisation name",
            fields: ["organisation": .null]
        ),
        Case(
            description: "an own template",
            change: { $0.template = "<p>{{asOfDay}}</p>" },
            changed: "template",
            fields: ["template": .digest("<p>{{asOfDay}}</p>")]
        ),
        Case(
            description: "a threshold and a review interval",
            change: {
                $0.policy.scoring.highFrom = 12
                $0.policy.scoring.reviewDays[.high] = 60
            },
            changed: "review rules",
            fields: ["risk.high_from": .int(12), "risk.review_days_high": .int(60)]
        ),
        Case(
            description: "a gift limit",
            change: { $0.policy.gifts = GiftLimits(declareAbove: 50, currency: "EUR") },
            changed: "review rules",
            fields: ["interests.gift_declare_above": .text("50.0"), "interests.currency": .text("EUR")]
        ),
        Case(
            description: "the retention",
            change: { $0.retainEndedDays = 30 },
            changed: "retention",
            fields: ["interests.retain_ended_days": .int(30)]
        ),
        Case(
            description: "the name, the template and the confirmation interval at once",
            change: {
                $0.organisation = "DPN"
                $0.template = "<p>{{organisation}}</p>"
                $0.policy.confirmEveryDays = 180
            },
            changed: "organisation name, template, review rules",
            fields: [
                "organisation": .text("DPN"), "template": .digest("<p>{{organisation}}</p>"),
                "interests.confirm_every_days": .int(180),
            ]
        ),
    ]

    @Test("A change names what changed and records the new values", arguments: cases)
    func audited(_ test: Case) {
        var now = Self.standard
        test.change(&now)
        let detail = ConfigurationAudit.changed(from: Self.standard, to: now)
        #expect(now.changes(since: Self.standard).joined(separator: ", ") == (test.changed ?? ""))
        guard let changed = test.changed else {
            #expect(detail == nil)
            return
        }
        var expected = test.fields
        expected["changed"] = .text(changed)
        #expect(detail?.fields == expected)
    }

    @Test("Going back to riskd's own template is recorded as built-in")
    func builtInAgain() {
        var own = Self.standard
        own.template = "<p>{{asOfDay}}</p>"
        let detail = ConfigurationAudit.changed(from: own, to: Self.standard)
        #expect(detail?.fields == ["changed": .text("template"), "template": .text("built-in")])
    }
}
