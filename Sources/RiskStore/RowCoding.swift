import GRDB
import RiskCore

// The rows read and written on every call and by every review run are coded by hand. GRDB's Codable coding
// with snake-case column names cost more than the statement itself (perf on `risk.Get`, `risk.Add` and
// `review.Run`). A new column must be added here too: the store's round-trip tests fail when one is missing.

extension RiskRow {
    init(row: Row) throws {
        id = row["id"]
        revision = row["revision"]
        title = row["title"]
        description = row["description"]
        category = row["category"]
        area = row["area"]
        owner = row["owner"]
        likelihood = row["likelihood"]
        impact = row["impact"]
        residualLikelihood = row["residual_likelihood"]
        residualImpact = row["residual_impact"]
        score = row["score"]
        status = row["status"]
        acceptedUntil = row["accepted_until"]
        closeReason = row["close_reason"]
        nextReviewDue = row["next_review_due"]
        reviewDueFixed = row["review_due_fixed"]
        lastReviewedAt = row["last_reviewed_at"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        acceptedScore = row["accepted_score"]
        acceptedBy = row["accepted_by"]
        decision = row["decision"]
        lapsedOn = row["lapsed_on"]
    }
}

extension RiskRow {
    /// The risk columns in the order `init(columnsOf:)` reads them. The hot reads (`risk.Get`, `risk.List`, the
    /// review's snapshot of every risk) select these and decode by position: looking each column up by name cost a
    /// review over 100 000 risks more than the query (perf). `RowCodingTests` checks both decoders agree.
    static let columns = """
        id, revision, title, description, category, area, owner, likelihood, impact, residual_likelihood, \
        residual_impact, score, status, accepted_until, close_reason, next_review_due, review_due_fixed, \
        last_reviewed_at, created_at, updated_at, accepted_score, accepted_by, decision, lapsed_on
        """

    /// A risk from a row of `SELECT \(RiskRow.columns) …`.
    init(columnsOf row: Columns) throws(StoreError) {
        id = try row.at(0)
        revision = try row.at(1)
        title = try row.at(2)
        description = try row.at(3)
        category = try row.at(4)
        area = try row.at(5)
        owner = try row.at(6)
        likelihood = try row.at(7)
        impact = try row.at(8)
        residualLikelihood = try row.at(9)
        residualImpact = try row.at(10)
        score = try row.at(11)
        status = try row.at(12)
        acceptedUntil = try row.at(13)
        closeReason = try row.at(14)
        nextReviewDue = try row.at(15)
        reviewDueFixed = try row.at(16)
        lastReviewedAt = try row.at(17)
        createdAt = try row.at(18)
        updatedAt = try row.at(19)
        acceptedScore = try row.at(20)
        acceptedBy = try row.at(21)
        decision = try row.at(22)
        lapsedOn = try row.at(23)
    }

    /// The risks `SELECT \(columns) FROM risk \(rest)` finds, decoded by position into domain risks.
    static func fetchRisks(
        _ db: Database,
        _ rest: String,
        arguments: StatementArguments = [],
        cached: Bool = false
    ) throws -> [Risk] {
        let sql = "SELECT \(columns) FROM risk \(rest)"
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        return try fetchRisks(statement, arguments: arguments)
    }

    /// The risks a statement selecting `columns` finds, decoded by position into domain risks.
    static func fetchRisks(_ statement: Statement, arguments: StatementArguments) throws -> [Risk] {
        try ColumnCursor(statement, arguments: arguments) { row in try RiskRow(columnsOf: row).domain() }.all()
    }
}

extension ActionRow {
    /// The action columns in the order `init(columnsOf:)` reads them (`risk.Get` reads a risk's actions so).
    static let columns = "id, revision, risk_id, description, owner, due_on, status, completed_at"

    /// An action from a row of `SELECT \(ActionRow.columns) …`.
    init(columnsOf row: Columns) throws(StoreError) {
        id = try row.at(0)
        revision = try row.at(1)
        riskId = try row.at(2)
        description = try row.at(3)
        owner = try row.at(4)
        dueOn = try row.at(5)
        status = try row.at(6)
        completedAt = try row.at(7)
    }
}

extension RiskReviewRecord {
    /// The review columns in the order `init(columnsOf:)` reads them (`risk.Get` reads a risk's reviews so).
    static let columns = """
        id, risk_id, reviewer, reviewed_at, note, likelihood, impact, residual_likelihood, residual_impact
        """

    /// A review from a row of `SELECT \(RiskReviewRecord.columns) …`.
    init(columnsOf row: Columns) throws(StoreError) {
        id = try row.at(0)
        riskId = try row.at(1)
        reviewer = try row.at(2)
        reviewedAt = try row.at(3)
        note = try row.at(4)
        likelihood = try row.at(5)
        impact = try row.at(6)
        residualLikelihood = try row.at(7)
        residualImpact = try row.at(8)
    }
}

extension ActionRow {
    init(row: Row) throws {
        id = row["id"]
        revision = row["revision"]
        riskId = row["risk_id"]
        description = row["description"]
        owner = row["owner"]
        dueOn = row["due_on"]
        status = row["status"]
        completedAt = row["completed_at"]
    }
}

extension RiskReviewRecord {
    public init(row: Row) throws {
        id = row["id"]
        riskId = row["risk_id"]
        reviewer = row["reviewer"]
        reviewedAt = row["reviewed_at"]
        note = row["note"]
        likelihood = row["likelihood"]
        impact = row["impact"]
        residualLikelihood = row["residual_likelihood"]
        residualImpact = row["residual_impact"]
    }
}

extension FindingRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"],
            rule: row["rule"],
            subject: row["subject"],
            severity: row["severity"],
            message: row["message"],
            firstSeenAt: row["first_seen_at"],
            lastSeenAt: row["last_seen_at"],
            lastAlertedAt: row["last_alerted_at"],
            resolvedAt: row["resolved_at"],
            acknowledgedBy: row["acknowledged_by"],
            acknowledgedAt: row["acknowledged_at"],
            note: row["note"]
        )
    }
}

extension RiskRow {
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["revision"] = revision
        container["title"] = title
        container["description"] = description
        container["category"] = category
        container["area"] = area
        container["owner"] = owner
        container["likelihood"] = likelihood
        container["impact"] = impact
        container["residual_likelihood"] = residualLikelihood
        container["residual_impact"] = residualImpact
        container["score"] = score
        container["status"] = status
        container["accepted_until"] = acceptedUntil
        container["close_reason"] = closeReason
        container["next_review_due"] = nextReviewDue
        container["review_due_fixed"] = reviewDueFixed
        container["last_reviewed_at"] = lastReviewedAt
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["accepted_score"] = acceptedScore
        container["accepted_by"] = acceptedBy
        container["decision"] = decision
        container["lapsed_on"] = lapsedOn
    }
}

extension RiskRow {
    /// Inserts this new risk (its `id` nil) by position through one cached statement; returns the new id.
    ///
    /// `risk.Add` and `risk.Import` write here on GRDB's writer, which every write in riskd waits for: a record's
    /// `insert` builds a dictionary of its columns and its SQL at every call (a tenth of the writer's time per
    /// `risk.Add`, perf). The statement names `columns` without `id`; the values below follow that order, and a
    /// column added to `columns` needs its value here too (the statement refuses a count that differs, and
    /// `RowRoundTripTests` set every column).
    func insertNew(_ db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        try statement.execute(arguments: [
            revision, title, description, category, area, owner, likelihood, impact, residualLikelihood,
            residualImpact, score, status, acceptedUntil, closeReason, nextReviewDue, reviewDueFixed,
            lastReviewedAt, createdAt, updatedAt, acceptedScore, acceptedBy, decision, lapsedOn,
        ])
        return Int(db.lastInsertedRowID)
    }

    private static let insertSQL: String = {
        let names = columns.split(separator: ",").map { $0.filter { !$0.isWhitespace } }.dropFirst()
        let values = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return "INSERT INTO risk (\(names.joined(separator: ", "))) VALUES (\(values))"
    }()
}

extension ActionRow {
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["revision"] = revision
        container["risk_id"] = riskId
        container["description"] = description
        container["owner"] = owner
        container["due_on"] = dueOn
        container["status"] = status
        container["completed_at"] = completedAt
    }
}

extension FindingRecord {
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["rule"] = rule
        container["subject"] = subject
        container["severity"] = severity
        container["message"] = message
        container["first_seen_at"] = firstSeenAt
        container["last_seen_at"] = lastSeenAt
        container["last_alerted_at"] = lastAlertedAt
        container["resolved_at"] = resolvedAt
        container["acknowledged_by"] = acknowledgedBy
        container["acknowledged_at"] = acknowledgedAt
        container["note"] = note
    }
}

extension AuditEntry {
    /// Appends this entry by position through one cached statement: every write audits, on GRDB's writer (see
    /// `RiskRow.insertNew`).
    func insertEntry(_ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit (seq, at, actor, uid, method, subject, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        try statement.execute(arguments: [seq, at, actor, uid, method, subject, detail, hash])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["seq"] = seq
        container["at"] = at
        container["actor"] = actor
        container["uid"] = uid
        container["method"] = method
        container["subject"] = subject
        container["detail"] = detail
        container["hash"] = hash
    }
}
