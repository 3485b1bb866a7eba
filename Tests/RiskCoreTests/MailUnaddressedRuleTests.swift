import RiskCore
import Testing

@Suite("Review rule mail-unaddressed")
struct MailUnaddressedRuleTests {
    static func person(_ user: String, notices: Int = 1, from first: String, to last: String) -> UnaddressedFacts {
        UnaddressedFacts(user: user, notices: notices, firstOn: Fixture.date(first), lastOn: Fixture.date(last))
    }

    static func findings(_ people: [UnaddressedFacts], on day: String) -> [Observation] {
        ReviewRules.evaluate(ReviewSnapshot(unaddressed: people), policy: ReviewPolicy(), today: Fixture.date(day))
    }

    @Test(
        "Raised for 30 days after the latest unsent notice, then no more",
        arguments: [
            ("2027-01-10", true), ("2027-02-09", true), ("2027-02-19", true), ("2027-02-20", false),
            ("2028-01-10", false),
        ]
    )
    func window(day: String, raised: Bool) {
        let found = Self.findings([Self.person("treasurer", from: "2027-01-10", to: "2027-01-20")], on: day)
        #expect(found.map(\.key) == (raised ? [FindingKey(rule: .mailUnaddressed, subject: "member:treasurer")] : []))
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test(
        "The store counts the notices from the first day the rule still raises a finding for",
        arguments: [("2027-02-19", "2027-01-20"), ("2027-03-01", "2027-01-30"), ("2028-03-01", "2028-01-31")]
    )
    func since(day: String, first: String) {
        let since = ReviewRules.mailUnaddressedSince(today: Fixture.date(day))
        #expect(since == Fixture.date(first))
        #expect(Self.findings([Self.person("ana", from: first, to: first)], on: day).count == 1)
        let before = since.adding(days: -1).description
        #expect(Self.findings([Self.person("ana", from: before, to: before)], on: day).isEmpty)
    }

    @Test(
        "The message counts the notices, dates them and says what to run",
        arguments: [
            (1, "2027-01-10", "2027-01-10", "riskd has no mail address for ana: 1 notice on 2027-01-10 could not"),
            (3, "2027-01-10", "2027-01-12", "riskd has no mail address for ana: 3 notices since 2027-01-10 could"),
        ]
    )
    func message(notices: Int, first: String, last: String, opening: String) throws {
        let found = Self.findings([Self.person("ana", notices: notices, from: first, to: last)], on: "2027-01-12")
        let message = try #require(found.first).message
        #expect(message.hasPrefix(opening))
        #expect(message.hasSuffix("set one with riskctl member contact ana --email ADDRESS"))
        #expect(!message.contains("\n"))
    }

    @Test("One finding per person, in the store's order")
    func perPerson() {
        let found = Self.findings(
            [
                Self.person("ana", from: "2027-01-10", to: "2027-01-10"),
                Self.person("secretariat", from: "2027-01-11", to: "2027-01-11"),
            ],
            on: "2027-01-12"
        )
        #expect(found.map(\.subject) == ["member:ana", "member:secretariat"])
    }
}
