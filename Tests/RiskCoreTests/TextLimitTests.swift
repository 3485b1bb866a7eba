import RiskCore
import Testing

/// Issue 8, defect 4: a limit that counts characters (grapheme clusters) alone lets "A" followed by 50 000
/// combining accents pass as one character; every text field is limited in UTF-8 bytes as well.
@Suite("Text limits")
struct TextLimitTests {
    /// "A" and `marks` combining acute accents: one character, 1 + 2 × `marks` bytes.
    static func stacked(_ marks: Int) -> String {
        "A" + String(repeating: "\u{0301}", count: marks)
    }

    @Test(
        "Text within both limits passes",
        arguments: [
            ("", TextLimits.short),
            (String(repeating: "a", count: TextLimits.short), TextLimits.short),
            (String(repeating: "ž", count: TextLimits.short), TextLimits.short),
            (String(repeating: "醫", count: TextLimits.short), TextLimits.short),
            (String(repeating: "a", count: TextLimits.long), TextLimits.long),
            (stacked(3), TextLimits.short),
        ]
    )
    func accepted(text: String, limit: Int) throws {
        #expect(try FieldRules.optionalText(text, field: "note", limit: limit) == text)
    }

    @Test(
        "Text over either limit is refused naming the field and the limit",
        arguments: [
            (
                String(repeating: "a", count: TextLimits.short + 1), TextLimits.short,
                "must be at most 200 characters, not 201"
            ),
            (stacked(50_000), TextLimits.short, "must be at most 800 bytes of UTF-8, not 100001"),
            (stacked(50_000), TextLimits.long, "must be at most 40000 bytes of UTF-8, not 100001"),
            (
                String(repeating: stacked(4), count: TextLimits.short), TextLimits.short,
                "must be at most 800 bytes of UTF-8, not 1800"
            ),
        ]
    )
    func refused(text: String, limit: Int, reason: String) {
        #expect(throws: DomainError.invalidValue("note", reason)) {
            try FieldRules.optionalText(text, field: "note", limit: limit)
        }
    }

    /// A text field of the domain, and the rule that takes it.
    enum Entry: String, CaseIterable, Sendable {
        case riskTitle, interestOrganisation, interestDescription, checkName, checkMatter, codeTitle,
            organisationName

        /// The field an error names.
        var field: String {
            switch self {
            case .riskTitle, .codeTitle: "title"
            case .interestOrganisation: "organisation"
            case .interestDescription: "description"
            case .checkName: "organisations[0]"
            case .checkMatter: "matter"
            case .organisationName: "name"
            }
        }

        /// Passes `text` to the rule that takes this field.
        func submit(_ text: String) throws(DomainError) {
            switch self {
            case .riskTitle:
                _ = try RiskRules.create(
                    RiskDraft(title: text, category: "financial", likelihood: 1, impact: 1),
                    caller: "ana",
                    now: Fixture.now,
                    today: Fixture.today,
                    policy: RiskPolicy()
                )
            case .interestOrganisation, .interestDescription:
                let draft = InterestDraft(
                    kind: "gift",
                    organisation: self == .interestOrganisation ? text : "ESN",
                    description: self == .interestDescription ? text : "d",
                    startedOn: "2026-01-01"
                )
                _ = try InterestRules.declare(
                    draft,
                    declarant: "ana",
                    declarantUID: 1001,
                    now: Fixture.now,
                    today: Fixture.today,
                    policy: InterestPolicy()
                )
            case .checkName:
                _ = try ConflictRules.request(organisations: [text], matter: "Item 4")
            case .checkMatter:
                _ = try ConflictRules.request(organisations: ["ESN"], matter: text)
            case .codeTitle:
                _ = try EthicsRules.validTitle(text)
            case .organisationName:
                _ = try OrganisationRules.create(OrganisationDraft(name: text, kind: "funder"), now: Fixture.now)
            }
        }
    }

    /// Every way in for text goes through the same rule.
    @Test("Each text field of the domain refuses a stacked character", arguments: Entry.allCases)
    func everyField(entry: Entry) {
        do {
            try entry.submit(Self.stacked(50_000))
            Issue.record("\(entry.field): accepted")
        } catch {
            #expect(error.kind == .invalidValue && error.field == entry.field)
            #expect(error.reason.contains("bytes of UTF-8"))
        }
    }
}
