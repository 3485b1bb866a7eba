import RiskCore
import Testing

/// Gifts and hospitality against the limits the board set: what reads as an amount, what a declaration must give,
/// and when the review flags a gift.
@Suite("Gift limits")
struct GiftLimitTests {
    static let limits = GiftLimits(declareAbove: 50, refuseAbove: 100, currency: "EUR")

    @Test(
        "What reads as an amount",
        arguments: [
            ("120", 120.0), ("120.50", 120.5), ("120,50", 120.5), ("EUR 120", 120.0), ("120 EUR", 120.0),
            ("eur120", 120.0), (" 0 ", 0.0), ("1,200", nil), ("120 USD", nil), ("a dinner", nil), ("", nil),
            ("-5", nil), ("1e3", nil), ("1.2.3", nil), ("EUR", nil), ("１２０", nil),
        ] as [(String, Double?)]
    )
    func amount(text: String, expected: Double?) {
        #expect(Self.limits.amount(of: text) == expected)
    }

    @Test(
        "A gift must say what it is worth once a limit is set",
        arguments: [
            (GiftLimits(), InterestKind.gift, nil as String?, nil as String?),
            (GiftLimits(), .gift, "a bottle of wine", nil),
            (limits, .gift, nil, "must give what the gift is worth in EUR: the board set limits for gifts"),
            (
                limits, .gift, "a bottle of wine",
                "must be an amount in EUR such as 120 or 120.50, not \"a bottle of wine\""
            ),
            (limits, .gift, "35", nil),
            (limits, .funding, nil, nil),
            (GiftLimits(refuseAbove: 100), .gift, "lunch", "must be an amount such as 120 or 120.50, not \"lunch\""),
        ]
    )
    func check(limits: GiftLimits, kind: InterestKind, value: String?, reason: String?) {
        do {
            try limits.check(kind: kind, value: value)
            #expect(reason == nil)
        } catch {
            #expect(error.field == "value")
            #expect(error.reason == reason)
        }
    }

    @Test("Declaring a gift without its worth changes nothing and names the field")
    func declareRefused() {
        let policy = InterestPolicy(gifts: Self.limits)
        let draft = InterestDraft(
            kind: "gift",
            organisation: "Western Balkan Fund",
            description: "Conference dinner",
            startedOn: "2026-11-20"
        )
        #expect(throws: DomainError.self) {
            try InterestRules.declare(
                draft,
                declarant: "ana",
                declarantUID: 1001,
                now: Fixture.now,
                today: Fixture.today,
                policy: policy
            )
        }
    }

    static func facts(_ id: Int, gift: String?, managed: Bool = false) -> InterestFacts {
        InterestFacts(id: id, declarant: "ana", declaredOn: Fixture.date("2026-11-20"), managed: managed, gift: gift)
    }

    @Test(
        "The review flags a gift above the refuse limit until it is managed",
        arguments: [
            (facts(1, gift: "150"), true),
            (facts(2, gift: "100"), false),
            (facts(3, gift: "100.01 EUR"), true),
            (facts(4, gift: "150", managed: true), false),
            (facts(5, gift: nil), false),
            (facts(6, gift: "a dinner"), false),
        ]
    )
    func overLimit(facts: InterestFacts, flagged: Bool) {
        let snapshot = ReviewSnapshot(interests: [facts])
        let found = ReviewRules.evaluate(snapshot, policy: ReviewPolicy(gifts: Self.limits), today: Fixture.today)
            .filter { $0.rule == .interestGiftOverLimit }
        #expect(found.map(\.subject) == (flagged ? ["interest:\(facts.id)"] : []))
        if let message = found.first?.message {
            #expect(message.contains("above the 100 EUR over which gifts are refused"))
            #expect(!message.contains("Western Balkan Fund"))
        }
    }

    @Test("Without a refuse limit nothing is flagged")
    func noLimit() {
        let snapshot = ReviewSnapshot(interests: [Self.facts(1, gift: "5000")])
        let found = ReviewRules.evaluate(snapshot, policy: ReviewPolicy(), today: Fixture.today)
        #expect(!found.contains { $0.rule == .interestGiftOverLimit })
    }
}
