import RiskCore
import Testing

@Suite("Conflict checks and who sees what")
struct ConflictRulesTests {
    static func organisation(_ id: Int, _ name: String, _ aliases: [String]) -> Organisation {
        Organisation(
            id: id,
            revision: 1,
            name: name,
            aliases: aliases,
            kind: .funder,
            interest: nil,
            power: nil,
            note: nil,
            createdAt: Fixture.now,
            updatedAt: Fixture.now
        )
    }

    static func interest(
        _ id: Int,
        _ declarant: String,
        _ kind: InterestKind,
        _ organisation: String,
        linked: Int? = nil,
        sensitive: Bool = false,
        until: String? = nil
    ) -> Interest {
        Interest(
            id: id,
            revision: 1,
            declarant: declarant,
            declarantUID: 1000 + id,
            kind: kind,
            organisation: organisation,
            organisationId: linked,
            description: "d",
            value: nil,
            sensitive: sensitive,
            startedOn: Fixture.date("2024-01-01"),
            endedOn: until.map(Fixture.date),
            declaredAt: Fixture.now,
            late: false,
            managementPlan: nil,
            managedBy: nil,
            managedAt: nil
        )
    }

    static let registry = [
        organisation(1, "Open Society Foundations", ["OSF"]),
        organisation(2, "Western Balkan Fund", ["WBF", "Western Balkans Fund"]),
        organisation(3, "Udruženje Prevent", []),
    ]

    static let interests = [
        interest(7, "ana", .governance, "Udruženje Prevent", linked: 3),
        interest(8, "ana", .family, "Western Balkan Fund", linked: 2, sensitive: true),
        interest(9, "ivan", .funding, "OSF"),
        interest(10, "ivan", .employment, "Robert Carr Fund", until: "2026-01-01"),
        interest(11, "marta", .financial, "Open Society"),
        interest(12, "ivan", .gift, "wbf", sensitive: true),
    ]

    /// A conflict as `declarant I-id match asked`.
    static func summary(_ conflicts: [Conflict]) -> [String] {
        conflicts.map { "\($0.declarant) I-\($0.interestId) \($0.match.rawValue) \($0.asked)" }
    }

    @Test(
        "Active interests matching the names asked, once each, strongest match",
        arguments: [
            (
                ["Western Balkan Fund", "Udruzenje Prevent"],
                [
                    "ana I-7 exact Udruzenje Prevent", "ana I-8 exact Western Balkan Fund",
                    "ivan I-12 alias Western Balkan Fund",
                ]
            ),
            (
                ["Open Society Foundations"],
                ["ivan I-9 alias Open Society Foundations", "marta I-11 possible Open Society Foundations"]
            ),
            (["OSF"], ["ivan I-9 exact OSF", "marta I-11 possible OSF"]),
            (["Robert Carr Fund"], []),
            (["WBF", "Western Balkan Fund"], ["ana I-8 exact Western Balkan Fund", "ivan I-12 exact WBF"]),
            (["udruzenje-prevent"], ["ana I-7 exact udruzenje-prevent"]),
            (["Prevent"], ["ana I-7 possible Prevent"]),
            (["Trimbos Institute", "EMCDDA"], []),
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

    /// Issue 8, defect 10, through a whole check: the registry's aliases are folded too.
    @Test(
        "A check with look-alike letters finds the declarations",
        arguments: [
            (["Wеstеrn Bаlkаn Fund"], ["ana I-8 exact Wеstеrn Bаlkаn Fund", "ivan I-12 alias Wеstеrn Bаlkаn Fund"]),
            (["ОЅF"], ["ivan I-9 exact ОЅF", "marta I-11 possible ОЅF"]),
            (["Udruženje Рrеvеnt"], ["ana I-7 exact Udruženje Рrеvеnt"]),
            (
                ["Ореn Sосiеtу Fоundаtiоns"],
                ["ivan I-9 alias Ореn Sосiеtу Fоundаtiоns", "marta I-11 possible Ореn Sосiеtу Fоundаtiоns"]
            ),
        ]
    )
    func confusables(asked: [String], expected: [String]) {
        let found = ConflictRules.conflicts(
            asked: asked,
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        #expect(Self.summary(found) == expected)
    }

    @Test("A conflict names the organisation as declared and carries the interest's kind") func fields() throws {
        let found = ConflictRules.conflicts(
            asked: ["Open Society Foundations"],
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        let first = try #require(found.first)
        #expect(first.organisation == "OSF" && first.kind == "funding" && !first.sensitive)
    }

    @Test(
        "Check requests are checked",
        arguments: [
            ([], "Call 1", "organisations"), ([" "], "Call 1", "organisations[0]"),
            (
                ["OSF", "?!"], "Call 1",
                "organisations[1]"
            ),
            (["OSF"], "  ", "matter"), (Array(repeating: "OSF", count: 101), "Call", "organisations"),
        ]
    )
    func badRequest(organisations: [String], matter: String, field: String) {
        do {
            _ = try ConflictRules.request(organisations: organisations, matter: matter)
            Issue.record("accepted a bad check")
        } catch {
            #expect(error.kind == .invalidValue && error.field == field)
        }
    }

    @Test(
        "Who sees which interest",
        arguments: [
            (InterestViewer.registerKeeper, "ivan", true, true),
            (.boardMember("ana", seesRegister: true), "ana", true, true),
            (.boardMember("ana", seesRegister: true), "ivan", false, true),
            (.boardMember("ana", seesRegister: true), "ivan", true, false),
            (.boardMember("ana", seesRegister: false), "ivan", false, false),
            (.boardMember("ana", seesRegister: false), "ana", true, true),
        ] as [(InterestViewer, String, Bool, Bool)]
    )
    func visibility(viewer: InterestViewer, declarant: String, sensitive: Bool, sees: Bool) {
        #expect(viewer.maySee(declarant: declarant, sensitive: sensitive) == sees)
    }

    @Test(
        "The viewer of a caller's roles",
        arguments: [
            (Set<Role>([.admin]), InterestViewer.registerKeeper), ([.auditor], .registerKeeper),
            ([.board, .auditor], .registerKeeper), ([.board], .boardMember("ana", seesRegister: true)),
            ([], .boardMember("ana", seesRegister: true)),
        ] as [(Set<Role>, InterestViewer)]
    )
    func viewerOfRoles(roles: Set<Role>, viewer: InterestViewer) {
        #expect(InterestViewer(user: "ana", roles: roles, seesRegister: true) == viewer)
    }

    /// Issue 9 (revised contract): another member's sensitive conflict is left out of a board member's view;
    /// one the closed register hides is withheld (who and how).
    @Test(
        "What a viewer reads of conflicts: sensitive ones of others omitted, hidden ones withheld",
        arguments: [
            (
                InterestViewer.registerKeeper,
                [
                    "ana I-7 governance Udruženje Prevent exact", "ana I-8 family Western Balkan Fund exact",
                    "ivan I-12 gift wbf alias",
                ]
            ),
            (
                .boardMember("ana", seesRegister: true),
                ["ana I-7 governance Udruženje Prevent exact", "ana I-8 family Western Balkan Fund exact"]
            ),
            (
                .boardMember("ivan", seesRegister: true),
                ["ana I-7 governance Udruženje Prevent exact", "ivan I-12 gift wbf alias"]
            ),
            (.boardMember("marta", seesRegister: false), ["ana I-0 withheld Udruzenje Prevent exact"]),
        ] as [(InterestViewer, [String])]
    )
    func withheld(viewer: InterestViewer, expected: [String]) {
        let found = ConflictRules.conflicts(
            asked: ["Western Balkan Fund", "Udruzenje Prevent"],
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        let seen = viewer.view(found).map {
            "\($0.declarant) I-\($0.interestId) \($0.kind) \($0.organisation) "
                + $0.match.rawValue
        }
        #expect(seen == expected)
    }

    /// Issue 8, defect 5: the view is decided from the `sensitive` a conflict carries when it is shown.
    @Test("A conflict whose interest became sensitive is no longer shown to other members") func nowSensitive() {
        var found = ConflictRules.conflicts(
            asked: ["OSF"],
            interests: Self.interests,
            registry: Self.registry,
            today: Fixture.today
        )
        let ana = InterestViewer.boardMember("ana", seesRegister: true)
        #expect(ana.view(found).map(\.interestId) == [9, 11])
        found[0].sensitive = true
        #expect(ana.view(found).map(\.interestId) == [11])
        #expect(InterestViewer.registerKeeper.view(found).map(\.interestId) == [9, 11])
    }

    @Test("Withheld conflicts that read the same are given once") func dedupe() {
        let twice = [
            Self.interest(20, "ivan", .gift, "WBF"),
            Self.interest(21, "ivan", .financial, "Western Balkans Fund"),
        ]
        let found = ConflictRules.conflicts(
            asked: ["Western Balkan Fund"],
            interests: twice,
            registry: Self.registry,
            today: Fixture.today
        )
        #expect(found.count == 2)
        #expect(InterestViewer.boardMember("ana", seesRegister: false).view(found).count == 1)
    }

    @Test(
        "A board member's counts take in their own interests only",
        arguments: [
            (InterestViewer.registerKeeper, nil), (.boardMember("ana", seesRegister: true), "ana"),
            (.boardMember("ana", seesRegister: false), "ana"),
        ] as [(InterestViewer, String?)]
    )
    func counted(viewer: InterestViewer, declarant: String?) {
        #expect(viewer.countedDeclarant == declarant)
    }

    @Test(
        "Organisations per check are capped by the policy",
        arguments: [
            (20, 20, true), (21, 20, false),
            (3, 2, false), (100, 100, true),
        ]
    )
    func organisationCap(count: Int, maximum: Int, accepted: Bool) {
        let names = (0..<count).map { "Fund \($0)" }
        do {
            _ = try ConflictRules.request(organisations: names, matter: "Item 4", maximumNames: maximum)
            #expect(accepted)
        } catch {
            #expect(!accepted)
            #expect(
                error
                    == .invalidValue(
                        "organisations",
                        "must name at most \(maximum) "
                            + "(interests.max_organisations_per_check), not \(count)"
                    )
            )
        }
    }

    @Test("Checks a board member may read") func checks() {
        #expect(InterestViewer.boardMember("ana", seesRegister: false).maySeeCheck(by: "ana"))
        #expect(!InterestViewer.boardMember("ana", seesRegister: false).maySeeCheck(by: "marko"))
        #expect(InterestViewer.boardMember("ana", seesRegister: true).maySeeCheck(by: "marko"))
        #expect(InterestViewer.registerKeeper.maySeeCheck(by: "marko"))
    }
}
