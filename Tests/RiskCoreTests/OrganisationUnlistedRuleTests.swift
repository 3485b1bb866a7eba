import RiskCore
import Testing

/// Issue 21: a declaration that is not linked to the registry is a finding, until its spelling is an alias.
@Suite("Review rule interest-organisation-unlisted")
struct OrganisationUnlistedRuleTests {
    static func facts(listed: Bool, sensitive: Bool) -> InterestFacts {
        InterestFacts(
            id: 7,
            declarant: "ana",
            declaredOn: Fixture.date("2026-11-28"),
            managed: true,
            organisation: "Western Balcan Fund",
            sensitive: sensitive,
            listed: listed
        )
    }

    @Test(
        "Raised for an unlisted organisation only, as a notice, quoting it unless the declaration is sensitive",
        arguments: [
            (false, false, true, true),
            (false, true, true, false),
            (true, false, false, false),
            (true, true, false, false),
        ]
    )
    func raised(listed: Bool, sensitive: Bool, raised: Bool, quoted: Bool) {
        let found = ReviewRules.evaluate(
            ReviewSnapshot(interests: [Self.facts(listed: listed, sensitive: sensitive)]),
            policy: ReviewPolicy(),
            today: Fixture.date("2026-11-29")
        )
        .filter { $0.rule == .interestOrganisationUnlisted }
        #expect(found.count == (raised ? 1 : 0))
        guard let observation = found.first else { return }
        #expect(observation.subject == "interest:7")
        #expect(observation.severity == .notice)
        #expect(observation.message.contains("I-7"))
        #expect(observation.message.contains("Western Balcan Fund") == quoted)
    }

    @Test("A notice is logged with journal priority 5, below a warning") func priority() {
        #expect(FindingSeverity.notice.priority == 5)
        #expect(FindingSeverity.warning.priority == 4 && FindingSeverity.critical.priority == 2)
    }
}
