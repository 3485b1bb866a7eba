import GRDB
import RiskCore

/// The settings of riskd.toml that documents read, from when (`configuration_version`, `document_template`).
///
/// riskd records them at start and on SIGHUP, each time they differ from the last recorded; a change after the
/// first record is audited (`ConfigurationAudit`). A document for a past time reads the version in force then; for a
/// time before the first record, the first: what the file said before riskd kept this history was never recorded.
extension RiskDatabase {
    /// Records `settings` as read at `actor.now` when they differ from the last recorded, with an audit entry naming
    /// what changed unless they are the first recorded. Returns what changed (`DocumentSettings.changes`, empty for
    /// the first record); `nil` when nothing was recorded, as nothing changed.
    @discardableResult
    public func recordDocumentSettings(_ settings: DocumentSettings, actor: Actor) async throws -> [String]? {
        try await write { db in try Self.recordDocumentSettings(db, settings, actor: actor) }
    }

    /// `recordDocumentSettings`, blocking, on the writer's connection: for start only, outside any call.
    @discardableResult
    public func recordDocumentSettingsBlocking(_ settings: DocumentSettings, actor: Actor) throws -> [String]? {
        try writer.write { db in try Self.recordDocumentSettings(db, settings, actor: actor) }
    }

    /// The settings in force at `asOf`: the last recorded at or before it, else the first recorded; `nil` when none
    /// was ever recorded.
    public func documentSettings(asOf: Instant) async throws -> DocumentSettings? {
        try await lookup { db in
            try Self.documentSettings(db, asOf: asOf.description) ?? Self.documentSettings(db, asOf: nil)
        }
    }

    private static func recordDocumentSettings(
        _ db: Database,
        _ settings: DocumentSettings,
        actor: Actor
    ) throws -> [String]? {
        let last = try documentSettings(db, asOf: nil, latest: true)
        if let last, last == settings { return nil }
        var templateHash: String?
        if let text = settings.template {
            let hash = AuditChain.hex(sha256: text)
            try db.execute(
                sql: "INSERT OR IGNORE INTO document_template (sha256, text) VALUES (?, ?)",
                arguments: [hash, text]
            )
            templateHash = hash
        }
        let policy = settings.policy
        let scoring = policy.scoring
        try db.execute(
            sql: """
                INSERT INTO configuration_version (at, organisation, template_sha256, medium_from, high_from,
                    critical_from, review_days_critical, review_days_high, review_days_medium, review_days_low,
                    confirm_every_days, first_confirmation_days, unmanaged_after_days, acknowledge_within_days,
                    remind_every_days, gift_declare_above, gift_refuse_above, currency, retain_ended_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                actor.now.description, settings.organisation, templateHash, scoring.mediumFrom, scoring.highFrom,
                scoring.criticalFrom, scoring.reviewDays[.critical] ?? 0, scoring.reviewDays[.high] ?? 0,
                scoring.reviewDays[.medium] ?? 0, scoring.reviewDays[.low] ?? 0, policy.confirmEveryDays,
                policy.firstConfirmationDays, policy.unmanagedAfterDays, policy.acknowledgeWithinDays,
                policy.remindEveryDays, policy.gifts.declareAbove, policy.gifts.refuseAbove, policy.gifts.currency,
                settings.retainEndedDays,
            ]
        )
        guard let last else { return [] }
        if let detail = ConfigurationAudit.changed(from: last, to: settings) {
            try audit(db, actor, subject: ConfigurationAudit.subject, detail: detail)
        }
        return settings.changes(since: last)
    }

    /// The version in force at `asOf` (its text form); with `asOf` nil the first, or the last with `latest`.
    private static func documentSettings(
        _ db: Database,
        asOf: String?,
        latest: Bool = false
    ) throws -> DocumentSettings? {
        let select = """
            SELECT v.*, t.text AS template_text FROM configuration_version v
            LEFT JOIN document_template t ON t.sha256 = v.template_sha256
            """
        let row =
            if let asOf {
                try Row.fetchOne(
                    db,
                    sql: "\(select) WHERE v.at <= ? ORDER BY v.at DESC, v.version DESC LIMIT 1",
                    arguments: [asOf]
                )
            } else {
                try Row.fetchOne(db, sql: "\(select) ORDER BY v.version \(latest ? "DESC" : "") LIMIT 1")
            }
        guard let row else { return nil }
        if row["template_sha256"] as String? != nil, row["template_text"] as String? == nil {
            throw StoreError.corrupt("configuration_version \(row["version"] as Int? ?? 0): template missing")
        }
        let reviewDays: [Severity: Int] = [
            .critical: row["review_days_critical"], .high: row["review_days_high"],
            .medium: row["review_days_medium"], .low: row["review_days_low"],
        ]
        return DocumentSettings(
            organisation: row["organisation"],
            template: row["template_text"],
            policy: ReviewPolicy(
                scoring: ScoringPolicy(
                    mediumFrom: row["medium_from"],
                    highFrom: row["high_from"],
                    criticalFrom: row["critical_from"],
                    reviewDays: reviewDays
                ),
                confirmEveryDays: row["confirm_every_days"],
                firstConfirmationDays: row["first_confirmation_days"],
                unmanagedAfterDays: row["unmanaged_after_days"],
                acknowledgeWithinDays: row["acknowledge_within_days"],
                remindEveryDays: row["remind_every_days"],
                gifts: GiftLimits(
                    declareAbove: row["gift_declare_above"],
                    refuseAbove: row["gift_refuse_above"],
                    currency: row["currency"]
                )
            ),
            retainEndedDays: row["retain_ended_days"]
        )
    }
}
