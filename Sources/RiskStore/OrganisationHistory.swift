import Foundation
import GRDB
import RiskCore

/// The versions of the organisation registry: an organisation's row and its aliases at every change, so that what a
/// name matched at a time (and what a `possible` match was near) reads the same later.
enum OrganisationHistory {
    /// Stores `organisation` (as just written to `db`) as a version by `actor` at `at`.
    static func record(_ db: Database, _ organisation: Organisation, actor: String, at: Instant) throws {
        let aliases = String(decoding: try JSONEncoder().encode(organisation.aliases), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO organisation_version (at, actor, id, revision, name, normalised_name, kind, interest, power,
                    note, created_at, updated_at, aliases)
                SELECT ?, ?, id, revision, name, normalised_name, kind, interest, power, note, created_at, updated_at, ?
                FROM organisation WHERE id = ?
                """,
            arguments: [at.description, actor, aliases, organisation.id]
        )
    }

    /// Every organisation of the registry as it stood at `asOf`, by id (those added later are absent).
    static func registry(_ db: Database, asOf: Instant) throws -> [Organisation] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT v.* FROM (
                    SELECT MAX(version) AS version FROM organisation_version WHERE at <= ? GROUP BY id
                ) AS latest
                JOIN organisation_version AS v ON v.version = latest.version ORDER BY v.id
                """,
            arguments: [asOf.description]
        ).map { row in
            let text: String = row["aliases"]
            guard let aliases = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw StoreError.corrupt("organisation_version \(row["version"] as Int? ?? 0)")
            }
            return try OrganisationRow(row: row).domain(aliases: aliases)
        }
    }
}
