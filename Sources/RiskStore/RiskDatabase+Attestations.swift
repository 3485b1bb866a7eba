import GRDB
import RiskCore

extension RiskDatabase {
    /// What an attestation's statement is made of, read in the transaction that records it, so the statement riskd
    /// checks the signature over is the register as the confirmation is committed.
    public struct AttestationFacts: Sendable {
        /// The member.
        public var user: String
        /// The name `member.SetName` gave them; nil when none (the account's full name applies).
        public var setName: String?
        /// Their registered keys, oldest first.
        public var keys: [MemberKey]
        /// Their interests active on the day, by id.
        public var activeInterests: [Interest]
        /// The current version of the ethical code; nil before the first.
        public var currentCode: EthicsCode?
    }

    /// Checks an attestation against its facts: returns the signed attestation to record, nil for an unsigned one
    /// that may be recorded, or throws the refusal (which changes nothing).
    public typealias AttestationCheck = @Sendable (AttestationFacts) throws -> Attestation?

    /// The facts of `user`'s statements on `today`.
    public func attestationFacts(user: String, today: CalendarDate) async throws -> AttestationFacts {
        try await lookup { db in try Self.attestationFacts(db, user: user, today: today) }
    }

    static func attestationFacts(_ db: Database, user: String, today: CalendarDate) throws -> AttestationFacts {
        let interests = try InterestRow.fetchAll(
            db,
            sql: "SELECT * FROM interest WHERE declarant = ? AND \(Self.activeClause) ORDER BY id",
            arguments: [user, today.description]
        )
        let code = try EthicsCodeRow.fetchOne(db, sql: "SELECT * FROM ethics_code ORDER BY version DESC LIMIT 1")
        return AttestationFacts(
            user: user,
            setName: try String.fetchOne(db, sql: "SELECT name FROM member WHERE user = ?", arguments: [user]),
            keys: try Self.keys(db, user: user),
            activeInterests: try interests.map { row throws(StoreError) in try row.domain() },
            currentCode: try code?.domain()
        )
    }

    /// Stores `attestation`, its statement whole, in the attestation table, which is append-only (its audit fields
    /// are `AttestationAudit`'s).
    static func insert(_ db: Database, _ attestation: Attestation) throws {
        try db.execute(
            sql: """
                INSERT INTO attestation(kind, user, at, statement, signature, fingerprint, public_key)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                attestation.kind.rawValue, attestation.user, attestation.at.description, attestation.statement,
                attestation.signature, attestation.fingerprint, attestation.publicKey,
            ]
        )
    }

    /// Whether `attestation`'s member already signed the same statement for the same kind.
    static func isAttested(_ db: Database, _ attestation: Attestation) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM attestation WHERE user = ? AND kind = ? AND statement = ?)",
            arguments: [attestation.user, attestation.kind.rawValue, attestation.statement]
        ) ?? false
    }

    // MARK: Keys

    /// The keys registered to `user` now, oldest first.
    public func memberKeys(user: String) async throws -> [MemberKey] {
        try await lookup { db in try Self.keys(db, user: user) }
    }

    static func keys(_ db: Database, user: String) throws -> [MemberKey] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT user, fingerprint, public_key, added_at, added_by FROM member_key
                WHERE user = ? AND removed_at IS NULL ORDER BY id
                """,
            arguments: [user]
        ).map { row throws(StoreError) in
            guard let addedAt = Instant(rfc3339: row["added_at"]) else { throw .corrupt("member_key of \(user)") }
            return MemberKey(
                user: row["user"],
                fingerprint: row["fingerprint"],
                publicKey: row["public_key"],
                addedAt: addedAt,
                addedBy: row["added_by"]
            )
        }
    }

    // MARK: Export

    /// Every attestation (of `user`, or everyone's), oldest first, and the keys an `allowed_signers` file must list
    /// to check them: those registered now and every key that signed one, removed since or not.
    public func attestations(
        user: String?
    ) async throws -> (
        keys: [(user: String, publicKey: String)], attestations: [Attestation]
    ) {
        try await writer.read { db in
            let filter = user == nil ? "" : "WHERE user = ?"
            let arguments: StatementArguments = user.map { [$0] } ?? []
            let attestations = try Row.fetchAll(
                db,
                sql: "SELECT * FROM attestation \(filter) ORDER BY id",
                arguments: arguments
            ).map { row throws(StoreError) in
                let id: Int = row["id"]
                guard let kind = Attestation.Kind(rawValue: row["kind"]), let at = Instant(rfc3339: row["at"]) else {
                    throw .corrupt("attestation \(id)")
                }
                return Attestation(
                    kind: kind,
                    user: row["user"],
                    at: at,
                    statement: row["statement"],
                    signature: row["signature"],
                    fingerprint: row["fingerprint"],
                    publicKey: row["public_key"]
                )
            }
            let registered = try Row.fetchAll(
                db,
                sql:
                    "SELECT user, public_key FROM member_key \(filter.isEmpty ? "WHERE" : filter + " AND") removed_at IS NULL",
                arguments: arguments
            ).map { (user: $0["user"] as String, publicKey: $0["public_key"] as String) }
            return (registered + attestations.map { (user: $0.user, publicKey: $0.publicKey) }, attestations)
        }
    }
}
