import RiskCore
import Testing

/// Issue 21: a typo cannot hide a conflict. Names from a drug-policy network's registry: funders, ministries and
/// member organisations, true near names and the look-alikes that must stay apart.
@Suite("Near names")
struct NearNameTests {
    @Test(
        "Names a typo apart are near",
        arguments: [
            ("Western Balcan Fund", "Western Balkan Fund"),  // 17 letters, one replacement
            ("Open Society Foundatoins", "Open Society Foundations"),  // two neighbours swapped: one edit
            ("Harm Reduction Internatonal", "Harm Reduction International"),  // one deletion
            ("Eurasian Harm Reducion Asociation", "Eurasian Harm Reduction Association"),  // two, in 31 letters
            ("Ministry of Helth", "Ministry of Health"),  // 15 letters
            ("Correlation Netwrok", "Correlation Network"),
            ("Trimbos Instituut", "Trimbos Institut"),
            ("Aksion Pluss", "Aksion Plus"),  // 10 letters: one edit
            (
                "Global Fund to Fight AIDS, Tuberculoses and Malaria",
                "Global Fund to Fight AIDS, Tuberculosis and Malaria"
            ),
            ("WesternBalkan Fund", "Western Balkan Fund"),  // the same letters, a space missing
            ("Rights Reporter Foundaton", "Rights Reporter Foundation"),
        ]
    )
    func near(declared: String, registered: String) {
        let (first, second) = (NameMatching.matchingForm(declared), NameMatching.matchingForm(registered))
        #expect(NameMatching.isNear(first, second))
        #expect(NameMatching.isNear(second, first))
    }

    @Test(
        "Different organisations that look alike are not near",
        arguments: [
            ("EHRA", "EHRN"),  // acronyms: fewer than 8 letters
            ("UNODC", "UNOPS"),
            ("Prevent", "Preven"),  // 7 letters
            ("Aids Fonds", "Aids Fondet"),  // two edits in 10 letters: the Dutch and the Danish funds
            ("Mainline Foundation NL", "Mainline Foundation BE"),  // a country chapter: a short word differs
            ("Alliance for Public Health", "Alliance of Public Health"),  // short words carry meaning
            ("Ministry of Health", "Ministry of Wealth"),  // a word's first letter differs
            ("Ministry of Health of Serbia", "Ministry of Health of Bosnia"),
            ("Swiss Agency for Development", "Swedish Agency for Development"),  // three edits
            ("Drug Policy Call 2026", "Drug Policy Call 2027"),  // digits must be equal
            ("Western Balkan Fund", "Western Balkan Fund"),  // equal is exact, not near
            ("Robert Carr Fund", "Robert Carr Fund Europe"),  // a word more: the word match decides, not this
            ("", "Western Balkan Fund"),
        ]
    )
    func apart(declared: String, registered: String) {
        let (first, second) = (NameMatching.matchingForm(declared), NameMatching.matchingForm(registered))
        #expect(!NameMatching.isNear(first, second))
        #expect(!NameMatching.isNear(second, first))
    }

    @Test(
        "Edits allowed grow with the name's length",
        arguments: [(0, 0), (3, 0), (7, 0), (8, 1), (14, 1), (15, 2), (60, 2)]
    )
    func allowedEdits(letters: Int, edits: Int) {
        #expect(NameMatching.allowedEdits(letters: letters) == edits)
    }

    // MARK: Through a whole check

    static let registry = [
        ConflictRulesTests.organisation(1, "Open Society Foundations", ["OSF"]),
        ConflictRulesTests.organisation(27, "Western Balkan Fund", ["WBF"]),
        ConflictRulesTests.organisation(3, "European Harm Reduction Network", ["EHRN"]),
        ConflictRulesTests.organisation(4, "Ministry of Health", []),
    ]

    static let interests = [
        ConflictRulesTests.interest(7, "ana", .governance, "Western Balcan Fund"),
        ConflictRulesTests.interest(8, "ivan", .funding, "EHRA"),
        ConflictRulesTests.interest(9, "marta", .employment, "Ministry of Wealth"),
        ConflictRulesTests.interest(10, "marko", .family, "Open Society Foundatoins", sensitive: true),
    ]

    /// A conflict as `declarant I-id match asked — reason`.
    static func summary(_ conflicts: [Conflict]) -> [String] {
        conflicts.map { "\($0.declarant) I-\($0.interestId) \($0.match.rawValue) \($0.asked) — \($0.reason ?? "")" }
    }

    @Test(
        "A check finds a declaration a typo away as possible, and says why",
        arguments: [
            (
                ["Western Balkan Fund"],
                [
                    "ana I-7 possible Western Balkan Fund — declared as 'Western Balcan Fund', close to 'Western Balkan Fund'"
                ]
            ),
            // Through the registry: WBF is the Western Balkan Fund, which the declaration is a typo away from.
            (["WBF"], ["ana I-7 possible WBF — declared as 'Western Balcan Fund', close to 'Western Balkan Fund'"]),
            (
                ["OSF"],
                [
                    "marko I-10 possible OSF — declared as 'Open Society Foundatoins', close to 'Open Society Foundations'"
                ]
            ),
            (["EHRN"], []),  // EHRA is another network
            (["European Harm Reduction Network"], []),
            (["Ministry of Health"], []),  // Wealth is no typo of Health
        ]
    )
    func conflicts(asked: [String], expected: [String]) {
        let found = ConflictRules.conflicts(
            asked: asked,
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        #expect(Self.summary(found) == expected)
    }

    @Test("Once the typo is an alias, the check finds it as an alias, without a reason") func aliasResolves() {
        var registry = Self.registry
        registry[1].aliases.append("Western Balcan Fund")
        let found = ConflictRules.conflicts(
            asked: ["Western Balkan Fund"],
            interests: Self.interests,
            registry: registry,
            today: Fixture.today
        )
        #expect(Self.summary(found) == ["ana I-7 alias Western Balkan Fund — "])
    }

    @Test("A stored check says again why a possible match is possible") func storedReason() {
        #expect(
            ConflictRules.closeTo(
                asked: "WBF",
                declared: "Western Balcan Fund",
                declaredOrganisationId: nil,
                registry: RegistryNames(Self.registry)
            ) == "Western Balkan Fund"
        )
        #expect(
            ConflictRules.closeTo(
                asked: "Western Balkan",
                declared: "Western Balkan Fund",
                declaredOrganisationId: 27,
                registry: RegistryNames(Self.registry)
            ) == nil
        )
    }

    @Test("A withheld conflict gives no reason: it would show the declared name") func withheld() throws {
        let found = ConflictRules.conflicts(
            asked: ["Western Balkan Fund"],
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        #expect(found.first?.reason != nil)
        let seen = InterestViewer.boardMember("ivan", seesRegister: false).view(found)
        let conflict = try #require(seen.first)
        #expect(conflict.kind == Conflict.withheldKind && conflict.reason == nil)
        #expect(!seen.contains { ($0.reason ?? "").contains("Balcan") })
    }

    @Test("A withheld recusal gives no reason either") func withheldRecusal() {
        var recusal = Recusal(
            id: 1,
            meetingId: 3,
            itemId: 4,
            declarant: "ana",
            interestId: 7,
            kind: "governance",
            organisation: "Western Balcan Fund",
            asked: "WBF",
            sensitive: true,
            match: .possible,
            declaredInAdvance: true
        )
        recusal.closeTo = "Western Balkan Fund"
        #expect(recusal.reason == "declared as 'Western Balcan Fund', close to 'Western Balkan Fund'")
        let record = MeetingRecord(
            meeting: Meeting(
                id: 3,
                revision: 1,
                title: "Board",
                date: Fixture.date("2026-12-10"),
                status: .published,
                createdBy: "marko"
            ),
            items: [],
            recusals: [recusal]
        )
        let seen = record.viewed(by: .boardMember("ivan", seesRegister: true)).recusals
        #expect(seen.map(\.organisation) == ["WBF"] && seen.map(\.reason) == [nil])
    }

    // MARK: Suggestions

    @Test(
        "A declaration is offered the registry organisations it resembles but does not match",
        arguments: [
            ("Western Balcan Fund", [27]),
            ("western balkan fund", []),  // matches: linked, nothing to suggest
            ("WBF", []),
            ("Open Society Foundatoins", [1]),
            ("Open Society", [1]),  // every word of it in the registry's name
            ("EHRA", []),
            ("Ministry of Wealth", []),
            ("Trimbos Institute", []),
        ]
    )
    func suggestions(declared: String, expected: [Int]) {
        #expect(ConflictRules.suggestions(for: declared, registry: Self.registry).map(\.id) == expected)
    }
}
