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
    init(columnsOf row: Row) {
        id = row[0]
        revision = row[1]
        title = row[2]
        description = row[3]
        category = row[4]
        area = row[5]
        owner = row[6]
        likelihood = row[7]
        impact = row[8]
        residualLikelihood = row[9]
        residualImpact = row[10]
        score = row[11]
        status = row[12]
        acceptedUntil = row[13]
        closeReason = row[14]
        nextReviewDue = row[15]
        reviewDueFixed = row[16]
        lastReviewedAt = row[17]
        createdAt = row[18]
        updatedAt = row[19]
        acceptedScore = row[20]
        acceptedBy = row[21]
        decision = row[22]
        lapsedOn = row[23]
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
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var risks: [Risk] = []
        while let row = try rows.next() {
            risks.append(try RiskRow(columnsOf: row).domain())
        }
        return risks
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
