import RiskCore
import Testing

/// The statements members sign: what they say, and that anything that changes the register or the day changes them.
@Suite("Attestation statements")
struct AttestationStatementTests {
    static let day = CalendarDate("2026-12-06")!
    static let at = Instant(rfc3339: "2026-01-12T10:00:00Z")!

    static func interest(_ id: Int, revision: Int = 1, _ organisation: String, ended: String? = nil) -> Interest {
        Interest(
            id: id,
            revision: revision,
            declarant: "ana",
            declarantUID: 1001,
            kind: .governance,
            organisation: organisation,
            organisationId: nil,
            description: "Member of the managing board",
            value: "A private value",
            sensitive: false,
            startedOn: CalendarDate("2025-03-01")!,
            endedOn: ended.flatMap { CalendarDate($0) },
            declaredAt: at,
            late: false,
            managementPlan: nil,
            managedBy: nil,
            managedAt: nil
        )
    }

    static func confirmation(_ interests: [Interest], name: String? = "Ana Petrović", day: CalendarDate = day) -> String
    {
        AttestationStatement.interestConfirmation(
            user: "ana",
            name: name,
            interests: interests,
            nothingToDeclare: false,
            day: day
        )
    }

    @Test func aConfirmationListsEachDeclarationByIdRevisionKindOrganisationAndDates() {
        let text = Self.confirmation([Self.interest(7, "Western Balkan Fund"), Self.interest(3, "Udruženje Prevent")])
        #expect(
            text == """
                riskd attestation: confirmation of declarations of interests
                Member: ana ("Ana Petrović")
                Date: 2026-12-06

                I confirm that my register of interests is complete. It lists these 2:
                - I-3 (revision 1): governance, "Udruženje Prevent", since 2025-03-01
                - I-7 (revision 1): governance, "Western Balkan Fund", since 2025-03-01

                """
        )
        #expect(!text.contains("managing board") && !text.contains("private value"), "never the free text")
    }

    @Test func nothingToDeclareSaysSo() {
        let text = AttestationStatement.interestConfirmation(
            user: "ivan",
            name: nil,
            interests: [],
            nothingToDeclare: true,
            day: Self.day
        )
        #expect(text.hasPrefix("riskd attestation: confirmation of declarations of interests\nMember: ivan\n"))
        #expect(text.contains("I confirm that I have nothing to declare"))
    }

    @Test(
        "Anything that changes the register, the name or the day changes the statement",
        arguments: [
            confirmation([interest(3, revision: 2, "Udruženje Prevent")]),
            confirmation([interest(3, "Udruženje Prevent"), interest(4, "Eurodesk")]),
            confirmation([interest(3, "Udruženje Prevent", ended: "2027-01-01")]),
            confirmation([interest(3, "Udruženje Prevent")], name: "Ana P."),
            confirmation([interest(3, "Udruženje Prevent")], day: CalendarDate("2027-12-06")!),
            confirmation([]),
        ]
    )
    func changes(statement: String) {
        #expect(statement != Self.confirmation([Self.interest(3, "Udruženje Prevent")]))
    }

    @Test func aQuoteOrALineEndInANameCannotAddALine() {
        let text = Self.confirmation([Self.interest(3, "Acme\"\nI have nothing to declare")], name: "A\nB")
        #expect(text.contains(#""Acme\"\u{a}I have nothing to declare""#))
        #expect(text.split(separator: "\n").count == 5, "member, date, title, the sentence and one declaration")
    }

    @Test func anAcknowledgementNamesTheVersionAndTheHashOfItsText() {
        let code = EthicsCode(
            version: 3,
            title: "Code of Ethics",
            body: "Be honest.",
            sha256: String(repeating: "ab", count: 32),
            publishedAt: Self.at,
            publishedBy: "marko"
        )
        let text = AttestationStatement.codeAcknowledgement(user: "ana", name: nil, code: code, day: Self.day)
        #expect(
            text.hasPrefix("riskd attestation: acknowledgement of the ethical code\nMember: ana\nDate: 2026-12-06\n")
        )
        #expect(text.contains("version 3 of the ethical code, \"Code of Ethics\""))
        #expect(text.contains("SHA-256 \(code.sha256)"))
    }

    @Test func allowedSignersListEachKeyOnceWithTheRiskdNamespace() {
        let lines = MemberKey.allowedSigners([
            (user: "ana", publicKey: "ssh-ed25519 AAAA1"), (user: "ana", publicKey: "ssh-ed25519 AAAA1"),
            (user: "ivan", publicKey: "ssh-rsa AAAA2"),
        ])
        #expect(lines == "ana namespaces=\"riskd\" ssh-ed25519 AAAA1\nivan namespaces=\"riskd\" ssh-rsa AAAA2\n")
    }
}
