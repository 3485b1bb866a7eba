import Foundation
import GRDB
import RiskCore

extension RiskDatabase {
    /// The subjects of the concerns and interests `reader` may not read (`SubjectReader.hidden`), from the rows
    /// of the read that goes on to filter by them: a record added between two reads cannot slip through.
    ///
    /// The whole concern and interest tables are read: they hold hundreds of rows, not millions.
    static func hiddenSubjects(_ db: Database, from reader: SubjectReader) throws -> [String] {
        let concerns = try Row.fetchAll(db, sql: "SELECT * FROM concern").map(Self.concern)
        let declarations = try Row.fetchAll(db, sql: "SELECT id, declarant, sensitive FROM interest").map { row in
            (id: row["id"] as Int, declarant: row["declarant"] as String, sensitive: row["sensitive"] as Bool)
        }
        return reader.hidden(concerns: concerns, interests: declarations)
    }

    /// `hiddenSubjects` as a JSON array, the argument of `subject NOT IN (SELECT value FROM json_each(?))`.
    static func hiddenSubjectsArgument(_ db: Database, from reader: SubjectReader?) throws -> String {
        guard let reader else { return "[]" }
        return String(decoding: try JSONEncoder().encode(try hiddenSubjects(db, from: reader)), as: UTF8.self)
    }

    /// The subjects `reader` may not read, for a service that filters what it got elsewhere (a review run's
    /// findings).
    public func hiddenSubjects(from reader: SubjectReader) async throws -> Set<String> {
        try await lookup { db in Set(try Self.hiddenSubjects(db, from: reader)) }
    }
}
