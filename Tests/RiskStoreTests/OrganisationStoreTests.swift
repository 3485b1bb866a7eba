import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@Suite("Organisation registry in the database")
struct OrganisationStoreTests: OrganisationFixtures {
    func add(_ database: RiskDatabase, _ organisations: [Organisation]) async throws -> [Organisation] {
        // Stored as `OrganisationService.add` stores them (the story is the daemon's: `OrganisationStoryTests`).
        try await database.write(actor()) { tx in
            try organisations.map { organisation in
                let stored = try tx.insert(organisation)
                try tx.audit(OrganisationAudit.subject(stored.id), AuditDetail(["name": .text(stored.name)]))
                return stored
            }
        }
    }

    @Test("Added with aliases in order, audited, found by any of its names") func add() async throws {
        let database = try RiskDatabase()
        let stored = try await add(
            database,
            [
                try organisation("Open Society Foundations", ["OSF", "OSI"]),
                try organisation("Udruženje Prevent", kind: "member"),
            ]
        )
        #expect(stored.map(\.id) == [1, 2])
        #expect(try await database.organisation(id: 1)?.aliases == ["OSF", "OSI"])
        #expect(try await database.organisation(named: "osi")?.id == 1)
        #expect(try await database.organisation(named: "udruzenje prevent")?.id == 2)
        #expect(try await database.organisation(named: "prevent") == nil)
        let log = try await database.auditLog(subject: nil, after: nil, limit: 10)
        #expect(log.entries.map(\.subject) == ["organisation:1", "organisation:2"])
    }

    @Test(
        "A name or alias taken by another organisation is DuplicateName and changes nothing",
        arguments: [
            ("open society  foundations", [String]()), ("Other", ["OSF"]), ("osi", []), ("Other", ["Other 2", "osf!"]),
        ]
    )
    func duplicate(name: String, aliases: [String]) async throws {
        let database = try RiskDatabase()
        _ = try await add(database, [try organisation("Open Society Foundations", ["OSF", "OSI"])])
        await #expect(throws: DomainError.self) {
            try await add(database, [try organisation("Trimbos Institute"), try organisation(name, aliases)])
        }
        do {
            _ = try await add(database, [try organisation(name, aliases)])
            Issue.record("accepted a taken name")
        } catch let error as DomainError {
            #expect(error.kind == .duplicateName && error.id == 1)
        }
        #expect(try await database.registry().count == 1)
        #expect(try await database.verifyAudit().entries == 1)
    }

    @Test("Listing by kind and by text in a name or alias, paged") func listing() async throws {
        let database = try RiskDatabase()
        _ = try await add(
            database,
            [
                try organisation("Open Society Foundations", ["OSF"]), try organisation("Western Balkan Fund", ["WBF"]),
                try organisation("Udruženje Prevent", kind: "member"), try organisation("Robert Carr Fund", ["RCF"]),
            ]
        )
        let funds = try await database.organisations(OrganisationQuery(text: "fund"))
        #expect(funds.organisations.map(\.id) == [2, 4])
        let foundations = try await database.organisations(OrganisationQuery(text: "foundation"))
        #expect(foundations.organisations.map(\.id) == [1])
        let members = try await database.organisations(OrganisationQuery(kind: .member))
        #expect(members.organisations.map(\.name) == ["Udruženje Prevent"])
        let byAlias = try await database.organisations(OrganisationQuery(text: "wbf"))
        #expect(byAlias.organisations.map(\.id) == [2])
        let first = try await database.organisations(OrganisationQuery(limit: 3))
        #expect(first.organisations.count == 3 && first.next == 3)
        let rest = try await database.organisations(OrganisationQuery(limit: 3, after: first.next))
        #expect(rest.organisations.map(\.id) == [4] && rest.next == nil)
    }
}
