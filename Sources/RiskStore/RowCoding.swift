import GRDB

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
