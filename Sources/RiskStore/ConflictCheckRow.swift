import Foundation
import GRDB
import RiskCore

/// A `conflict_check` row: the names asked and the conflicts found are JSON arrays.
///
/// A stored conflict holds the fields of the protocol's `Conflict` plus `asked` (the name that matched) and
/// `sensitive`, so that what each viewer may read can be decided when the check is read.
struct ConflictCheckRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "conflict_check"

    /// One conflict as stored.
    struct StoredConflict: Codable {
        var declarant: String
        var interestId: Int
        var kind: String
        var organisation: String
        var asked: String
        var sensitive: Bool
        var match: String
    }

    var id: Int?
    var at: String
    var by: String
    var matter: String
    var organisations: String
    var conflicts: String

    init(_ check: ConflictCheck) throws {
        id = check.id == 0 ? nil : check.id
        at = check.at.description
        by = check.by
        matter = check.matter
        organisations = try Self.json(check.organisations)
        conflicts = try Self.json(check.conflicts.map {
            StoredConflict(declarant: $0.declarant, interestId: $0.interestId, kind: $0.kind,
                           organisation: $0.organisation, asked: $0.asked, sensitive: $0.sensitive,
                           match: $0.match.rawValue)
        })
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    func domain() throws(StoreError) -> ConflictCheck {
        let decoder = JSONDecoder()
        guard let id, let at = Instant(rfc3339: at),
              let names = try? decoder.decode([String].self, from: Data(organisations.utf8)),
              let stored = try? decoder.decode([StoredConflict].self, from: Data(conflicts.utf8))
        else { throw .corrupt("conflict_check \(id ?? 0)") }
        var found: [Conflict] = []
        for conflict in stored {
            guard let match = NameMatching.Match(rawValue: conflict.match) else {
                throw .corrupt("conflict_check \(id)")
            }
            found.append(Conflict(declarant: conflict.declarant, interestId: conflict.interestId, kind: conflict.kind,
                                  organisation: conflict.organisation, asked: conflict.asked,
                                  sensitive: conflict.sensitive, match: match))
        }
        return ConflictCheck(id: id, at: at, by: by, matter: matter, organisations: names, conflicts: found)
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
