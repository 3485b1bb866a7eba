import Foundation
import GRDB
import RiskCore

extension RiskDatabase {
    /// Everything held about `user`, from one read, for `member.Export`; nothing about anyone else.
    public struct MemberRecords: Sendable {
        public var interests: [Interest]
        public var confirmations: [Confirmation]
        public var acknowledgements: [CodeAcknowledgement]
        public var recusals: [Recusal]
        public var concerns: [Concern]
        public var audit: [AuditEntry]
        /// When riskd saw them hold each role (`RoleSpans`), by when it opened.
        public var roles: [RoleSpan]
        /// The names documents gave them, oldest first.
        public var names: [NameVersion]
    }

    /// The subjects of audit entries a member's own action may still hold another member's personal data under:
    /// their interests, member entries, concerns and meetings' recusals. `memberRecords` leaves out the entries a
    /// member made under them, unless the record is the member's own.
    static let personalSubjects = ["interest", "member", "concern", "meeting"]

    /// The records of `user`: every interest they declared, their confirmations and acknowledgements, their
    /// recusals, the concerns they raised, the audit entries about those records or made by them on records
    /// outside `personalSubjects`, when riskd saw them hold each role, and the names documents gave them.
    public func memberRecords(user: String) async throws -> MemberRecords {
        try await writer.read { db in
            let interests = try InterestRow.fetchAll(
                db,
                sql: "SELECT * FROM interest WHERE declarant = ? ORDER BY id",
                arguments: [user]
            ).map { row throws(StoreError) in try row.domain() }
            let confirmations = try Row.fetchAll(
                db,
                sql: "SELECT confirmed_at, nothing_to_declare FROM confirmation WHERE declarant = ? ORDER BY id",
                arguments: [user]
            ).compactMap { row in
                Instant(rfc3339: row["confirmed_at"]).map {
                    Confirmation(declarant: user, confirmedAt: $0, nothingToDeclare: row["nothing_to_declare"])
                }
            }
            let acknowledgements = try AcknowledgementRow.fetchAll(
                db,
                sql: "SELECT * FROM acknowledgement WHERE user = ? ORDER BY id",
                arguments: [user]
            ).map { row throws(StoreError) in try row.domain() }
            let recusals = try Row.fetchAll(
                db,
                sql: MeetingRows.recusalSelect + " WHERE r.declarant = ? ORDER BY r.meeting_id, t.number, r.id",
                arguments: [user]
            ).map(MeetingRows.recusal)
            let concerns = try Row.fetchAll(
                db,
                sql: "SELECT * FROM concern WHERE raised_by = ? AND (about IS NULL OR about <> ?) ORDER BY id",
                arguments: [user, user]
            ).map(Self.concern)
            var own = Set(["member:\(user)"])
            own.formUnion(interests.map { "interest:\($0.id)" })
            own.formUnion(concerns.map { "concern:\($0.id)" })
            let personal = Self.personalSubjects.map { "'\($0):%'" }.map { "subject LIKE \($0)" }.joined(
                separator: " OR "
            )
            let made = try AuditEntry.fetchAll(
                db,
                sql: "SELECT * FROM audit WHERE actor = ? AND (subject IS NULL OR NOT (\(personal))) ORDER BY seq",
                arguments: [user]
            )
            let about = try AuditEntry.fetchAll(
                db,
                sql: "SELECT * FROM audit WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY seq",
                arguments: [String(decoding: try JSONEncoder().encode(Array(own)), as: UTF8.self)]
            )
            let audit = Array(Set(made).union(about)).sorted { $0.seq < $1.seq }
            return MemberRecords(
                interests: interests,
                confirmations: confirmations,
                acknowledgements: acknowledgements,
                recusals: recusals,
                concerns: concerns,
                audit: audit,
                roles: try RoleSpans.spans(db, of: user),
                names: try Self.nameVersions(db, of: user)
            )
        }
    }
}
