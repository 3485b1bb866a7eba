import RiskCore
import Testing

@Suite("Scoring and bands")
struct ScoringTests {
    @Test(
        "Severity band by score",
        arguments: [
            (1, Severity.low), (4, .low), (5, .medium), (9, .medium), (10, .high), (19, .high), (20, .critical),
            (25, .critical),
        ]
    )
    func band(score: Int, expected: Severity) {
        #expect(ScoringPolicy.standard.severity(ofScore: score) == expected)
    }

    @Test(
        "Review interval by band",
        arguments: [
            (Severity.critical, 30), (.high, 90), (.medium, 180), (.low, 365),
        ]
    )
    func interval(severity: Severity, days: Int) {
        #expect(ScoringPolicy.standard.reviewInterval(for: severity) == days)
    }

    @Test(
        "Current score is residual only when both residual values are set",
        arguments: [
            (4, 3, nil, nil, 12),
            (4, 3, 2, 2, 4),
            (5, 5, 1, 1, 1),
        ] as [(Int, Int, Int?, Int?, Int)]
    )
    func currentScore(likelihood: Int, impact: Int, residualLikelihood: Int?, residualImpact: Int?, score: Int) throws {
        let draft = RiskDraft(
            title: "t",
            category: "financial",
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: residualLikelihood,
            residualImpact: residualImpact
        )
        let risk = try RiskRules.create(
            draft,
            caller: "ana",
            now: Fixture.now,
            today: Fixture.today,
            policy: RiskPolicy()
        )
        #expect(risk.score == score)
        #expect(risk.inherentScore == likelihood * impact)
    }

    @Test("Bands must rise", arguments: [(5, 5, 20), (10, 5, 20), (5, 10, 26), (1, 10, 20)])
    func invalidBands(medium: Int, high: Int, critical: Int) {
        let policy = ScoringPolicy(mediumFrom: medium, highFrom: high, criticalFrom: critical)
        #expect(throws: DomainError.self) { try policy.validate() }
    }

    @Test func customBands() throws {
        let policy = ScoringPolicy(mediumFrom: 3, highFrom: 8, criticalFrom: 16)
        try policy.validate()
        #expect(policy.severity(ofScore: 2) == .low)
        #expect(policy.severity(ofScore: 3) == .medium)
        #expect(policy.severity(ofScore: 16) == .critical)
    }
}

/// Fixed times for the tables.
enum Fixture {
    static let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    static let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)
    static func date(_ text: String) -> CalendarDate {
        CalendarDate(text) ?? CalendarDate(daysSinceEpoch: 0)
    }
}
