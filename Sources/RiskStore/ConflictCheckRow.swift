import Foundation
import GRDB
import RiskCore

/// A `conflict_check` row: who ran the check, when, on what matter, and the names asked (a JSON array).
///
/// The conflicts found are not copied into the row: each is a `ConflictMatchRow` that refers to its interest, and
/// what a conflict shows (declarant, kind, organisation, whether it is sensitive) is read from the interest's row
/// when the check is read. A check so stays small however long the names declared, and who may see a conflict
/// follows the interest as it is now.
struct ConflictCheckRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "conflict_check"

    var id: Int?
    var at: String
    var by: String
    var matter: String
    var organisations: String

    /// The row of a check not yet stored; its conflicts go to `ConflictMatchRow`s.
    init(at: Instant, by: String, matter: String, organisations: [String]) throws {
        self.at = at.description
        self.by = by
        self.matter = matter
        self.organisations = try Self.json(organisations)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    /// The names asked, as stored.
    func askedNames() throws(StoreError) -> [String] {
        guard let names = try? JSONDecoder().decode([String].self, from: Data(organisations.utf8)) else {
            throw .corrupt("conflict_check \(id ?? 0)")
        }
        return names
    }

    /// The check with its conflicts resolved against the interests as they are now, in declarant and id order;
    /// nothing withheld yet. A `possible` conflict says again which name it is near (`ConflictRules.closeTo`), read
    /// against the registry as it is now: the row keeps only how it matched.
    func domain(_ db: Database) throws -> ConflictCheck {
        guard let id, let at = Instant(rfc3339: at) else { throw StoreError.corrupt("conflict_check \(id ?? 0)") }
        let names = try askedNames()
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.interest_id, m.asked, m.match, i.declarant, i.kind, i.organisation, i.organisation_id, i.sensitive
                FROM conflict_match m JOIN interest i ON i.id = m.interest_id
                WHERE m.check_id = ? ORDER BY i.declarant, i.id
                """,
            arguments: [id]
        )
        var conflicts: [Conflict] = []
        var registry: RegistryNames?
        for row in rows {
            let asked: Int = row["asked"]
            guard names.indices.contains(asked), let match = NameMatching.Match(rawValue: row["match"]) else {
                throw StoreError.corrupt("conflict_match \(id)")
            }
            let organisation: String = row["organisation"]
            var closeTo: String?
            if match == .possible {
                let known = try registry ?? RegistryNames(RiskDatabase.registry(db))
                registry = known
                closeTo = ConflictRules.closeTo(
                    asked: names[asked],
                    declared: organisation,
                    declaredOrganisationId: row["organisation_id"],
                    registry: known
                )
            }
            conflicts.append(
                Conflict(
                    declarant: row["declarant"],
                    interestId: row["interest_id"],
                    kind: row["kind"],
                    organisation: organisation,
                    asked: names[asked],
                    sensitive: row["sensitive"],
                    match: match,
                    closeTo: closeTo
                )
            )
        }
        return ConflictCheck(id: id, at: at, by: by, matter: matter, organisations: names, conflicts: conflicts)
    }

    /// A value as compact JSON, as the `organisations` column holds it.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A `conflict_match` row: check `checkId` found interest `interestId` through the name asked at index `asked`.
struct ConflictMatchRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "conflict_match"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var checkId: Int
    var interestId: Int
    /// Index into the check's `organisations`.
    var asked: Int
    /// `exact`, `alias` or `possible`.
    var match: String
}
