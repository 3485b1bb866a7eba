import RiskCore
import Testing

@Suite("Importing a board's existing declarations")
struct InterestImportTests {
    static func entry(
        _ declarant: String,
        kind: String = "governance",
        since: String = "2023-05-01",
        until: String? = nil
    ) -> InterestRules.ImportedDeclaration {
        InterestRules.ImportedDeclaration(
            declarant: declarant,
            draft: InterestDraft(
                kind: kind,
                organisation: "Udruženje Prevent",
                description: "Member of the board",
                startedOn: since,
                endedOn: until
            )
        )
    }

    func run(_ entries: [InterestRules.ImportedDeclaration]) throws(DomainError) -> [Interest] {
        try InterestRules.importDeclarations(
            entries,
            board: ["ana": 1001, "ivan": 1005],
            joined: [:],
            now: Fixture.now,
            today: Fixture.today,
            policy: InterestPolicy(registerOpenedOn: Fixture.today)
        )
    }

    @Test func acceptedAsDeclaredByEachMember() throws {
        let interests = try run([Self.entry("ana"), Self.entry("ivan", kind: "family")])
        #expect(interests.map(\.declarant) == ["ana", "ivan"])
        #expect(interests.map(\.declarantUID) == [1001, 1005])
        #expect(interests.allSatisfy { !$0.late })
    }

    @Test(
        "Every bad element is named: the first as the field, the others in the reason",
        arguments: [
            ([entry("marko")], "interests[0].declarant", []),
            (
                [entry("ana"), entry("ana", kind: "hobby"), entry("root")], "interests[1].kind",
                ["interests[2].declarant"]
            ),
            (
                [entry("ana", since: "2027-01-01"), entry("ivan", until: "2020-01-01")], "interests[0].startedOn",
                ["interests[1].endedOn"]
            ),
            ([], "interests", []),
        ] as [([InterestRules.ImportedDeclaration], String, [String])]
    )
    func refused(entries: [InterestRules.ImportedDeclaration], field: String, others: [String]) {
        do {
            _ = try run(entries)
            Issue.record("accepted")
        } catch {
            #expect(error.field == field)
            for other in others { #expect(error.reason.contains("also \(other): ")) }
        }
    }
}
