import GRDB
import RiskCore

/// The registry of organisations as rows, with their aliases and history, as `org.riskd.organisation`'s stories
/// fetch and save them. A name or alias is one organisation's only: saving one another holds (once normalised) is
/// `DuplicateName`, as a unique index would refuse it.
extension StoreTransaction {
    /// Organisation `id` with its aliases; `NotFound` when there is none.
    public func organisation(_ id: Int) throws -> Organisation {
        guard let row = try OrganisationRow.fetchOne(db, key: id),
            let organisation = try RiskDatabase.organisations(db, rows: [row]).first
        else { throw DomainError.notFound(.organisation, id: id) }
        return organisation
    }

    /// Stores a new organisation with its aliases and its first version; returns it with its id.
    public func insert(_ organisation: Organisation) throws -> Organisation {
        try RiskDatabase.checkNamesFree(db, organisation)
        var row = OrganisationRow(organisation)
        try row.insert(db)
        var stored = organisation
        stored.id = row.id ?? 0
        try RiskDatabase.insertAliases(db, stored)
        try OrganisationHistory.record(db, stored, actor: actor.user, at: actor.now)
        return stored
    }

    /// Saves a changed organisation, its aliases replaced, and its version.
    public func save(_ organisation: Organisation) throws {
        try RiskDatabase.checkNamesFree(db, organisation)
        try OrganisationRow(organisation).update(db)
        try db.execute(sql: "DELETE FROM organisation_alias WHERE organisation_id = ?", arguments: [organisation.id])
        try RiskDatabase.insertAliases(db, organisation)
        try OrganisationHistory.record(db, organisation, actor: actor.user, at: actor.now)
    }
}
