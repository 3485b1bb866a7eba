import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@testable import RiskDaemon

/// The stories of `org.riskd.organisation` (`OrganisationService.add`, `update`), run in a write of an in-memory
/// database.
@Suite("Organisation registry: the stories")
struct OrganisationStoryTests: OrganisationFixtures {
    func add(_ database: RiskDatabase, _ organisations: [Organisation]) async throws -> [Organisation] {
        try await database.write(actor()) { tx in try OrganisationService.add(tx, organisations) }
    }

    func update(
        _ database: RiskDatabase,
        _ id: Int,
        ifRevision: Int?,
        _ changes: OrganisationChanges
    ) async throws -> Organisation {
        try await database.write(actor("org.riskd.organisation.Update")) { tx in
            try OrganisationService.update(tx, id, ifRevision: ifRevision, with: changes)
        }
    }

    @Test("Additions are audited with their names, kind and stakes") func added() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, [try organisation("Open Society Foundations", ["OSF", "OSI"])])
        let entry = try #require(
            try await database.auditLog(subject: "organisation:1", after: nil, limit: 1).entries.first
        )
        #expect(entry.detail == #"{"aliases":"OSF; OSI","kind":"funder","name":"Open Society Foundations"}"#)
    }

    @Test("Updates replace aliases, check names and revisions") func update() async throws {
        let database = try RiskDatabase()
        _ = try await add(
            database,
            [
                try organisation("Open Society Foundations", ["OSF"]),
                try organisation("Western Balkan Fund", ["WBF"]),
            ]
        )
        let updated = try await update(
            database,
            2,
            ifRevision: 1,
            OrganisationChanges(aliases: ["Western Balkans Fund", "WBF"])
        )
        #expect(updated.revision == 2)
        #expect(try await database.organisation(id: 2)?.aliases == ["Western Balkans Fund", "WBF"])
        await #expect(throws: DomainError.revisionMismatch(.organisation, id: 2, current: 2)) {
            try await update(database, 2, ifRevision: 1, OrganisationChanges(note: "x"))
        }
        await #expect(throws: DomainError.duplicateName("OSF", id: 1)) {
            try await update(database, 2, ifRevision: nil, OrganisationChanges(aliases: ["OSF"]))
        }
        await #expect(throws: DomainError.notFound(.organisation, id: 9)) {
            try await update(database, 9, ifRevision: nil, OrganisationChanges(note: "x"))
        }
        #expect(try await database.organisation(id: 2)?.aliases == ["Western Balkans Fund", "WBF"])
        #expect(try await database.verifyAudit().entries == 3)
    }
}
