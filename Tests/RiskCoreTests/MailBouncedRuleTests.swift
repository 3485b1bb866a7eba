import RiskCore
import Testing

@Suite("Review rule mail-bounced")
struct MailBouncedRuleTests {
    static func bounced(
        _ id: Int,
        on day: String,
        reason: String = #"ana@localhost: 5.1.1 unknown user: "ana""#
    )
        -> BouncedMailFacts
    {
        BouncedMailFacts(
            id: id,
            recipient: "ana@localhost",
            kind: "notice",
            bouncedOn: Fixture.date(day),
            reason: reason
        )
    }

    static func findings(_ mails: [BouncedMailFacts], on day: String) -> [Observation] {
        ReviewRules.evaluate(ReviewSnapshot(bouncedMails: mails), policy: ReviewPolicy(), today: Fixture.date(day))
    }

    @Test(
        "Raised from the day of the bounce for 30 days, then no more",
        arguments: [
            ("2027-01-10", true), ("2027-01-11", true), ("2027-02-09", true), ("2027-02-10", false),
            ("2028-01-10", false),
        ]
    )
    func window(day: String, raised: Bool) {
        let found = Self.findings([Self.bounced(7, on: "2027-01-10")], on: day)
        #expect(found.map(\.key) == (raised ? [FindingKey(rule: .mailBounced, subject: "mail:7")] : []))
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test("One finding per mail, each named by its id")
    func perMail() {
        let found = Self.findings(
            [Self.bounced(7, on: "2027-01-10"), Self.bounced(9, on: "2027-01-12")],
            on: "2027-01-12"
        )
        #expect(found.map(\.subject) == ["mail:7", "mail:9"])
    }

    @Test(
        "The message names the mail, the address and what the MTA said, on one line",
        arguments: [
            (
                #"ana@localhost: 5.1.1 unknown user: "ana""#,
                #"Mail 7 (notice) to ana@localhost was returned as undeliverable on 2027-01-10: "#
                    + #"ana@localhost: 5.1.1 unknown user: "ana"; correct the address or create the mailbox"#
            ),
            (
                "",
                "Mail 7 (notice) to ana@localhost was returned as undeliverable on 2027-01-10; correct the "
                    + "address or create the mailbox"
            ),
            (
                "line\none\u{1b}[31m",
                "Mail 7 (notice) to ana@localhost was returned as undeliverable on "
                    + "2027-01-10: line one [31m; correct the address or create the mailbox"
            ),
        ]
    )
    func message(reason: String, expected: String) {
        let found = Self.findings([Self.bounced(7, on: "2027-01-10", reason: reason)], on: "2027-01-10")
        #expect(found.map(\.message) == [expected])
    }

    @Test("A long reason is cut")
    func longReason() throws {
        let found = Self.findings(
            [Self.bounced(7, on: "2027-01-10", reason: String(repeating: "x", count: 2000))],
            on: "2027-01-10"
        )
        let message = try #require(found.first?.message)
        #expect(message.count < 450)
    }

    @Test(
        "mail.Bounced's parameters",
        arguments: [
            ("riskd.notice.2027-01-10.ab@localhost", "r", true, nil),
            ("", "r", false, "messageId"), ("<riskd.x@localhost>", "r", false, "messageId"),
            ("a b@localhost", "r", false, "messageId"), ("a\n@localhost", "r", false, "messageId"),
            (String(repeating: "a", count: 251), "r", false, "messageId"),
            ("a@localhost", "", false, "reason"), ("a@localhost", " \n ", false, "reason"),
            ("a@localhost", String(repeating: "r", count: 1001), false, "reason"),
            ("a@localhost", String(repeating: "r", count: 1000), true, nil),
        ] as [(String, String, Bool, String?)]
    )
    func parameters(messageId: String, reason: String, accepted: Bool, field: String?) {
        do throws(DomainError) {
            _ = try MailBounce.read(messageId: messageId, reason: reason)
            #expect(accepted)
        } catch {
            #expect(!accepted)
            #expect(error.kind == .invalidValue && error.field == field)
        }
    }
}
