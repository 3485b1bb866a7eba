import Foundation
import GRDB
import RiskCore

/// Who reads records that name other records by subject (`concern:N`, `interest:N`): audit entries and review
/// findings. A reader never learns of a record they may not read through an entry, a finding, or a count of
/// them.
public struct SubjectReader: Sendable, Hashable {
    public var user: String
    /// An administrator or auditor: reads every concern but those about them.
    public var keepsRegister: Bool
    /// What the reader may see of the register of interests.
    public var interests: InterestViewer

    public init(user: String, keepsRegister: Bool, interests: InterestViewer) {
        self.user = user
        self.keepsRegister = keepsRegister
        self.interests = interests
    }
}

extension RiskDatabase {
    /// The subjects of the concerns and interests `reader` may not read, decided by the same rules as the
    /// concerns' and interests' own methods (`ConcernRules.mayRead`, `InterestViewer.maySee`).
    ///
    /// The whole concern and interest tables are read: they hold hundreds of rows, not millions.
    static func hiddenSubjects(_ db: Database, from reader: SubjectReader) throws -> [String] {
        var hidden: [String] = []
        for concern in try Row.fetchAll(db, sql: "SELECT * FROM concern").map(Self.concern)
        where !ConcernRules.mayRead(concern, user: reader.user, keepsRegister: reader.keepsRegister) {
            hidden.append("concern:\(concern.id)")
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, declarant, sensitive FROM interest")
        where !reader.interests.maySee(declarant: row["declarant"], sensitive: row["sensitive"]) {
            hidden.append("interest:\(row["id"] as Int)")
        }
        return hidden
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
