import RiskCore
import Testing

@Suite("Organisation rules")
struct OrganisationRulesTests {
    func create(_ draft: OrganisationDraft) throws(DomainError) -> Organisation {
        try OrganisationRules.create(draft, now: Fixture.now)
    }

    @Test func createdAsGiven() throws {
        let organisation = try create(
            OrganisationDraft(
                name: " Open Society Foundations ",
                aliases: ["OSF", " OSI "],
                kind: "funder",
                interest: "high",
                power: "medium",
                note: "  "
            )
        )
        #expect(organisation.name == "Open Society Foundations")
        #expect(organisation.aliases == ["OSF", "OSI"])
        #expect(organisation.kind == .funder)
        #expect(organisation.interest == .high && organisation.power == .medium)
        #expect(organisation.note == nil)
        #expect(organisation.revision == 1 && organisation.id == 0)
        #expect(organisation.normalisedName == "open society foundations")
        #expect(organisation.normalisedAliases == ["osf", "osi"])
    }

    @Test(
        "Bad drafts are refused naming the field",
        arguments: [
            (OrganisationDraft(name: " ", kind: "funder"), "name"),
            (OrganisationDraft(name: "--", kind: "funder"), "name"),
            (OrganisationDraft(name: "OSF", kind: "donor"), "kind"),
            (OrganisationDraft(name: "OSF", kind: "Funder"), "kind"),
            (OrganisationDraft(name: "OSF", kind: "funder", interest: "huge"), "interest"),
            (OrganisationDraft(name: "OSF", kind: "funder", power: ""), "power"),
            (
                OrganisationDraft(name: "Open Society Foundations", aliases: ["OSF", "osf."], kind: "funder"),
                "aliases[1]"
            ),
            (
                OrganisationDraft(
                    name: "Open Society Foundations",
                    aliases: ["open society  foundations"],
                    kind: "funder"
                ),
                "aliases[0]"
            ),
            (OrganisationDraft(name: "OSF", aliases: [""], kind: "funder"), "aliases[0]"),
            (OrganisationDraft(name: "OSF", aliases: ["ok", "!"], kind: "funder"), "aliases[1]"),
            (OrganisationDraft(name: "OSF", aliases: (0...50).map { "Alias \($0)" }, kind: "funder"), "aliases"),
            (OrganisationDraft(name: String(repeating: "x", count: 201), kind: "funder"), "name"),
            (OrganisationDraft(name: "OSF", kind: "funder", note: "a\u{7}b"), "note"),
        ]
    )
    func refused(draft: OrganisationDraft, field: String) {
        do {
            _ = try create(draft)
            Issue.record("accepted a bad draft")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == field)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test("Updates change what is given, clear what is empty, and count revisions") func update() throws {
        let organisation = try create(
            OrganisationDraft(
                name: "Western Balkan Fund",
                aliases: ["WBF"],
                kind: "funder",
                interest: "medium",
                power: "high",
                note: "Regional"
            )
        )
        let later = Fixture.now.adding(seconds: 60)
        let updated = try OrganisationRules.update(
            organisation,
            with: OrganisationChanges(
                aliases: ["WBF", "Western Balkans Fund"],
                interest: "",
                note: ""
            ),
            now: later
        )
        #expect(updated.aliases == ["WBF", "Western Balkans Fund"])
        #expect(updated.interest == nil && updated.power == .high && updated.note == nil)
        #expect(updated.revision == 2 && updated.updatedAt == later && updated.createdAt == Fixture.now)
        #expect(throws: DomainError.self) {
            try OrganisationRules.update(organisation, with: OrganisationChanges(name: "wbf"), now: later)
        }
        #expect(throws: DomainError.self) {
            try OrganisationRules.update(organisation, with: OrganisationChanges(), now: later)
        }
    }
}
