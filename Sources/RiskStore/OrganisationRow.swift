import GRDB
import RiskCore

/// An `organisation` row. Its aliases are `OrganisationAliasRow`s; a row that does not convert is a corrupt
/// database.
struct OrganisationRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "organisation"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int?
    var revision: Int
    var name: String
    var normalisedName: String
    var kind: String
    var interest: String?
    var power: String?
    var note: String?
    var createdAt: String
    var updatedAt: String

    init(_ organisation: Organisation) {
        id = organisation.id == 0 ? nil : organisation.id
        revision = organisation.revision
        name = organisation.name
        normalisedName = organisation.normalisedName
        kind = organisation.kind.rawValue
        interest = organisation.interest?.rawValue
        power = organisation.power?.rawValue
        note = organisation.note
        createdAt = organisation.createdAt.description
        updatedAt = organisation.updatedAt.description
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    /// The organisation, with `aliases` (its alias rows' text, in order).
    func domain(aliases: [String]) throws(StoreError) -> Organisation {
        guard let id, let kind = OrganisationKind(rawValue: kind),
            let createdAt = Instant(rfc3339: createdAt), let updatedAt = Instant(rfc3339: updatedAt)
        else { throw .corrupt("organisation \(id ?? 0)") }
        let interest = try level(interest, id: id)
        let power = try level(power, id: id)
        return Organisation(
            id: id,
            revision: revision,
            name: name,
            aliases: aliases,
            kind: kind,
            interest: interest,
            power: power,
            note: note,
            createdAt: createdAt,
            updatedAt: updatedAt
        )
    }

    private func level(_ text: String?, id: Int) throws(StoreError) -> StakeLevel? {
        guard let text else { return nil }
        guard let level = StakeLevel(rawValue: text) else { throw .corrupt("organisation \(id)") }
        return level
    }
}

/// An `organisation_alias` row: one alias of an organisation, at its position in the list.
struct OrganisationAliasRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organisation_alias"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var organisationId: Int
    var alias: String
    var normalisedAlias: String
    var position: Int
}
