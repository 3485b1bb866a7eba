import GRDB
import RiskCore

/// The ethical code, its acknowledgements and the signed statements (attestations) as rows, as
/// `org.riskd.ethics`'s stories (and `interest.Confirm`'s) fetch and save them.
extension StoreTransaction {
    /// The current (highest) version of the code; `nil` before the first was published.
    public func currentCode() throws -> EthicsCode? {
        try EthicsCodeRow.fetchOne(db, sql: "SELECT * FROM ethics_code ORDER BY version DESC LIMIT 1")?.domain()
    }

    /// Stores a published version.
    public func insert(_ code: EthicsCode) throws {
        try EthicsCodeRow(code).insert(db)
    }

    /// `user`'s acknowledgement of version `version`; `nil` when they have not acknowledged it.
    public func acknowledgement(user: String, version: Int) throws -> CodeAcknowledgement? {
        try AcknowledgementRow.fetchOne(
            db,
            sql: "SELECT * FROM acknowledgement WHERE user = ? AND version = ?",
            arguments: [user, version]
        )?.domain()
    }

    /// Stores an acknowledgement.
    public func insert(_ acknowledgement: CodeAcknowledgement) throws {
        var row = AcknowledgementRow(acknowledgement)
        try row.insert(db)
    }

    /// What `user`'s statements are made of on `today`, read in this transaction, so that the statement a
    /// signature is checked over is the register as the change commits.
    public func attestationFacts(user: String, today: CalendarDate) throws -> RiskDatabase.AttestationFacts {
        try RiskDatabase.attestationFacts(db, user: user, today: today)
    }

    /// Whether `attestation`'s member already signed the same statement for the same kind.
    public func isAttested(_ attestation: Attestation) throws -> Bool {
        try RiskDatabase.isAttested(db, attestation)
    }

    /// Stores a signed statement in the attestation table, which is append-only.
    public func insert(_ attestation: Attestation) throws {
        try RiskDatabase.insert(db, attestation)
    }
}
