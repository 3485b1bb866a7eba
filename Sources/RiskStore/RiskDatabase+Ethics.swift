import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The current (highest) version of the ethical code, or `nil` before the first was published.
    public func currentCode() async throws -> EthicsCode? {
        try await lookup { db in try Self.currentCode(db) }
    }

    /// The version numbered `version`, or `nil` when there is none.
    public func code(version: Int) async throws -> EthicsCode? {
        try await lookup { db in try EthicsCodeRow.fetchOne(db, key: version)?.domain() }
    }

    /// Every published version without its text, oldest first.
    public func codeVersions() async throws -> [EthicsCodeSummary] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT version, title, sha256, published_at FROM ethics_code ORDER BY version")
                .map { row throws(StoreError) in
                    let version: Int = row["version"]
                    guard let publishedAt = Instant(rfc3339: row["published_at"]) else {
                        throw .corrupt("ethics_code \(version)")
                    }
                    return EthicsCodeSummary(
                        version: version,
                        title: row["title"],
                        sha256: row["sha256"],
                        publishedAt: publishedAt
                    )
                }
        }
    }

    /// Where the current version stands: its number, its acknowledgements (oldest first), and the users who must
    /// acknowledge it and have not — of `boardMembers`, the members (the board as resolved now). Before anything
    /// was published: no version, and nobody pending.
    public func ethicsStatus(
        boardMembers: [String]
    ) async throws
        -> (version: Int?, acknowledged: [CodeAcknowledgement], pending: [String])
    {
        try await writer.read { db in
            guard let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ethics_code") else {
                return (nil, [], [])
            }
            let acknowledged = try AcknowledgementRow.fetchAll(
                db,
                sql: "SELECT * FROM acknowledgement WHERE version = ? ORDER BY id",
                arguments: [version]
            ).map { row throws(StoreError) in try row.domain() }
            // A member is a holder of the board role now (the `member` table only records when each was seen):
            // the same members `member.List` shows and the review reminds.
            return (version, acknowledged, EthicsRules.pending(members: boardMembers, acknowledged: acknowledged))
        }
    }

    // MARK: Mutations

    /// Publishes a new version of the code, numbered the current one plus 1, with its audit entry.
    ///
    /// The audit entry keeps the title and the body's SHA-256 (`sha256:<hex>`, the version's own hash), not the
    /// body.
    /// - Parameter notices: what to tell whom of the published version (the board, asked to acknowledge it).
    public func publishCode(
        title: String,
        body: String,
        actor: Actor,
        notices: @escaping @Sendable (EthicsCode) -> [Notice] = { _ in [] }
    ) async throws -> EthicsCode {
        let sha256 = AuditChain.hex(sha256: body)
        let mail = currentMailSettings
        return try await write { db in
            let previous = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ethics_code")
            let code = try EthicsRules.publish(
                title: title,
                body: body,
                sha256: sha256,
                previous: previous,
                by: actor.user,
                now: actor.now
            )
            try EthicsCodeRow(code).insert(db)
            try self.audit(
                db,
                actor,
                subject: "ethics:\(code.version)",
                detail: AuditDetail([
                    "version": .int(code.version), "title": .text(code.title),
                    "body": .digest(code.body),
                ])
            )
            try MailOutbox.notify(db, notices(code), settings: mail, now: actor.now)
            return code
        }
    }

    /// Records that `actor` read version `version`, whose text hashes to `sha256`; see
    /// `EthicsRules.acknowledge` for what is refused. Acknowledging the same version again returns the first
    /// acknowledgement and writes nothing.
    ///
    /// `attest`, when given, checks the signature over the statement of the version acknowledged (see
    /// `AttestationCheck`); a signed acknowledgement of a version the member had acknowledged unsigned is recorded as
    /// an attestation of its own.
    public func acknowledgeCode(
        version: Int,
        sha256: String,
        actor: Actor,
        attest: AttestationCheck? = nil
    ) async throws -> (acknowledgement: CodeAcknowledgement, attestation: Attestation?) {
        try await write { db in
            let current = try Self.currentCode(db)
            let existing = try AcknowledgementRow.fetchOne(
                db,
                sql: "SELECT * FROM acknowledgement WHERE user = ? AND version = ?",
                arguments: [actor.user, version]
            )?.domain()
            let outcome = try EthicsRules.acknowledge(
                version: version,
                sha256: sha256,
                user: actor.user,
                current: current,
                existing: existing,
                now: actor.now
            )
            let attestation = try attest?(Self.attestationFacts(db, user: actor.user, today: actor.today))
            var detail = AuditDetail(["version": .int(version), "sha256": .text(outcome.acknowledgement.sha256)])
            switch outcome {
            case .new(let acknowledgement):
                var row = AcknowledgementRow(acknowledgement)
                try row.insert(db)
            case .existing:
                // Signing the same statement again (the same version, the same day) stores nothing more: without a
                // budget on Acknowledge, that keeps the attestations a member can make bounded by the days.
                guard let attestation, try !Self.isAttested(db, attestation) else {
                    return (outcome.acknowledgement, attestation)
                }
            }
            if let attestation { try self.record(db, attestation, detail: &detail) }
            try self.audit(db, actor, subject: "ethics:\(version)", detail: detail)
            return (outcome.acknowledgement, attestation)
        }
    }

    private static func currentCode(_ db: Database) throws -> EthicsCode? {
        try EthicsCodeRow.fetchOne(db, sql: "SELECT * FROM ethics_code ORDER BY version DESC LIMIT 1")?.domain()
    }
}
