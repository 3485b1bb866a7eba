import GRDB
import RiskCore

extension RiskDatabase {
    /// The facts the review rules read, from one read transaction.
    ///
    /// - Parameters:
    ///   - today: the daemon's local date (which interests are active).
    ///   - unaddressedSince: the first day whose unsent notices count (the `mail-unaddressed` window).
    ///   - isOnBoard: whether a member (by user name and uid) holds the board role now.
    public func reviewSnapshot(
        today: CalendarDate,
        unaddressedSince: CalendarDate,
        isOnBoard: @escaping @Sendable (String, UInt32) -> Bool
    )
        async throws -> ReviewSnapshot
    {
        let policy = currentMailSettings.policy
        return try await writer.read { db in
            let risks = try RiskRow.fetchRisks(db, "WHERE status <> ?", arguments: [RiskStatus.closed.rawValue])
            let actions = try ActionRow.fetchAll(
                db,
                sql: """
                    SELECT action.* FROM action JOIN risk ON risk.id = action.risk_id
                    WHERE action.status = ? AND risk.status <> ?
                    """,
                arguments: [ActionStatus.open.rawValue, RiskStatus.closed.rawValue]
            ).map { row throws(StoreError) in try row.domain() }
            let interests = try Self.interestFacts(db, today: today)
            let members = try Self.memberFacts(db, isOnBoard: isOnBoard)
            let code = try Row.fetchOne(
                db,
                sql: """
                    SELECT version, published_at FROM ethics_code ORDER BY version DESC LIMIT 1
                    """
            ).flatMap { row -> CodeFacts? in
                guard let published = Instant(rfc3339: row["published_at"]) else { return nil }
                return CodeFacts(version: row["version"], publishedOn: published.utcDate)
            }
            return ReviewSnapshot(
                risks: risks,
                openActions: actions,
                interests: interests,
                members: members,
                code: code,
                appetites: try Self.appetiteTable(db),
                unrecordedMeetings: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.id, m.date, COUNT(*) AS unrecorded FROM meeting m JOIN recusal r ON r.meeting_id = m.id
                        WHERE m.status = 'published' AND r.action IS NULL GROUP BY m.id ORDER BY m.id
                        """
                ).compactMap { row in
                    CalendarDate(row["date"] as String).map {
                        MeetingFacts(id: row["id"], date: $0, unrecorded: row["unrecorded"])
                    }
                },
                openConcerns: try Row.fetchAll(
                    db,
                    sql: "SELECT id, raised_at FROM concern WHERE status = ? ORDER BY id",
                    arguments: [Concern.Status.open.rawValue]
                )
                .compactMap { row in
                    Instant(rfc3339: row["raised_at"]).map { ConcernFacts(id: row["id"], raisedOn: $0.utcDate) }
                },
                bouncedMails: try Self.bouncedMails(db),
                unaddressed: try Self.unaddressedPeople(db, policy: policy, since: unaddressedSince)
            )
        }
    }

    /// Open findings, as the lifecycle needs them: only the columns it reads, decoded from the statement's rows
    /// without building a `FindingRecord` each (a daily run over a large register reads a hundred thousand).
    public func openFindings() async throws -> [OpenFinding] {
        try await writer.read { db in
            var open: [OpenFinding] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, rule, subject, severity, message, last_alerted_at, acknowledged_at IS NOT NULL
                    FROM finding WHERE resolved_at IS NULL ORDER BY id
                    """
            )
            while let row = try rows.next() {
                guard let rule = ReviewRule(rawValue: row[1]), let severity = FindingSeverity(rawValue: row[3])
                else { continue }
                open.append(
                    OpenFinding(
                        id: row[0],
                        key: FindingKey(rule: rule, subject: row[2]),
                        severity: severity,
                        message: row[4],
                        lastAlertedAt: (row[5] as String?).flatMap { Instant(rfc3339: $0) },
                        acknowledged: row[6]
                    )
                )
            }
            return open
        }
    }

    /// Applies a run's changes and records the run, in one transaction. Raised and reminded findings are marked
    /// alerted at `now`; the caller sends the alerts after the commit.
    ///
    /// - Parameters:
    ///   - notices: the mails this run causes (`MailPlanner`), queued in its transaction.
    ///   - board: for the day's own run (scheduled, or made up at start), the users on the board now: the digest
    ///     of the day is written, listing those riskd has no address for. `nil` for a run asked for by hand.
    public func recordReview(
        _ changes: [FindingLifecycle.Change],
        trigger: String,
        startedAt: Instant,
        now: Instant,
        notices: [Notice] = [],
        digestFor board: [String]? = nil
    )
        async throws -> (run: ReviewRunRecord, events: [FindingEvent])
    {
        let mail = currentMailSettings
        return try await write { db in
            let at = now.description
            let persist = try db.cachedStatement(
                sql: """
                    UPDATE finding SET last_seen_at = ?, severity = ?, message = ?,
                        last_alerted_at = COALESCE(?, last_alerted_at)
                    WHERE id = ?
                    """
            )
            // A first run over a large register raises a finding per row: one cached statement for all of them,
            // rather than a record insert that builds its statement each time.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO finding (rule, subject, severity, message, first_seen_at, last_seen_at, last_alerted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            )
            let previousRunAt = try Self.latestRunFinishedAt(db)
            var events: [FindingEvent] = []
            var raised = 0
            var resolved = 0
            for change in changes {
                switch change {
                case .raise(let observation):
                    var record = FindingRecord(
                        id: nil,
                        rule: observation.rule.rawValue,
                        subject: observation.subject,
                        severity: observation.severity.rawValue,
                        message: observation.message,
                        firstSeenAt: at,
                        lastSeenAt: at,
                        lastAlertedAt: at,
                        resolvedAt: nil,
                        acknowledgedBy: nil,
                        acknowledgedAt: nil,
                        note: nil
                    )
                    try insert.execute(arguments: [
                        record.rule, record.subject, record.severity, record.message, at, at,
                        at,
                    ])
                    record.id = Int(db.lastInsertedRowID)
                    raised += 1
                    events.append(FindingEvent(kind: .raised, finding: record))
                case .persist(let id, let observation, let remind):
                    try persist.execute(arguments: [
                        at, observation.severity.rawValue, observation.message,
                        remind ? at : nil, id,
                    ])
                    if remind, let record = try FindingRecord.fetchOne(db, key: id) {
                        events.append(FindingEvent(kind: .reminded, finding: record))
                    }
                case .resolve(let id):
                    guard var record = try FindingRecord.fetchOne(db, key: id) else { continue }
                    // Last seen by the run before this one (see `seen(_:latestRunAt:)`).
                    record = Self.seen(record, latestRunAt: previousRunAt)
                    record.resolvedAt = at
                    try record.update(db)
                    resolved += 1
                    events.append(FindingEvent(kind: .resolved, finding: record))
                }
            }
            // Every finding still open was seen by this run, changed or not (see `FindingLifecycle`): the run's row
            // says so for the unchanged ones (`seen(_:latestRunAt:)`), rather than a rewrite of every open finding.
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE resolved_at IS NULL") ?? 0
            var run = ReviewRunRecord(
                id: nil,
                trigger: trigger,
                startedAt: startedAt.description,
                finishedAt: at,
                raised: raised,
                open: open,
                resolved: resolved,
                alerted: events.count
            )
            try run.insert(db)
            // The mails this run causes are queued by its own transaction: they are written if and only if the
            // findings are.
            try MailOutbox.notify(db, notices, settings: mail, now: now)
            if let board, let id = run.id {
                try MailOutbox.writeDigest(db, board: board, run: id, settings: mail, now: now)
            }
            return (run, events)
        }
    }

    /// The newest runs first.
    public func reviewRuns(limit: Int) async throws -> [ReviewRunRecord] {
        try await lookup { db in
            try ReviewRunRecord.fetchAll(
                db,
                sql: "SELECT * FROM review_run ORDER BY id DESC LIMIT ?",
                arguments: [limit]
            )
        }
    }

    /// What `daemon.Status` reports, in one read on the caller's own connection (it never queues behind the scans
    /// that hold the pool's readers): the schema version, every risk, the interests of `declarant` (everyone's when
    /// `nil`), the open findings and when the last review run finished.
    public func statusCounts(
        interestsOf declarant: String?,
        reader: SubjectReader? = nil
    ) async throws
        -> (schemaVersion: Int, risks: Int, interests: Int, openFindings: Int, lastRunFinishedAt: String?)
    {
        try await lookup { db in
            // Opening the database ran every migration, so the count is known without asking (nor building a
            // migrator on every call).
            let schema = Migrations.count
            let risks = try RiskRow.fetchCount(db)
            let interests =
                try declarant.map { user in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interest WHERE declarant = ?", arguments: [user])
                        ?? 0
                } ?? InterestRow.fetchCount(db)
            let review = try Self.reviewState(db)
            let hiddenOpen =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM finding
                        WHERE resolved_at IS NULL AND subject IN (SELECT value FROM json_each(?))
                        """,
                    arguments: [try Self.hiddenSubjectsArgument(db, from: reader)]
                ) ?? 0
            return (schema, risks, interests, review.openFindings - hiddenOpen, review.lastRunFinishedAt)
        }
    }

    /// Open findings and the end of the latest run (the scheduler's catch-up at start).
    public func reviewStatus() async throws -> (openFindings: Int, lastRunFinishedAt: String?) {
        try await lookup { db in try Self.reviewState(db) }
    }

    private static func reviewState(_ db: Database) throws -> (openFindings: Int, lastRunFinishedAt: String?) {
        let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE resolved_at IS NULL") ?? 0
        return (open, try latestRunFinishedAt(db))
    }
}
