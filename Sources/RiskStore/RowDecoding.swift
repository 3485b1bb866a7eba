import GRDB

// The rows read on every call and by every review run are decoded by hand. GRDB's Codable decoding with
// snake-case column names cost more than the query itself (perf on `risk.Get` and `review.Run`); the Codable
// conformances still encode these rows for inserts and updates. A new column must be added here too: the
// store's round-trip tests fail when one is missing.

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
        self.init(id: row["id"], rule: row["rule"], subject: row["subject"], severity: row["severity"],
                  message: row["message"], firstSeenAt: row["first_seen_at"], lastSeenAt: row["last_seen_at"],
                  lastAlertedAt: row["last_alerted_at"], resolvedAt: row["resolved_at"],
                  acknowledgedBy: row["acknowledged_by"], acknowledgedAt: row["acknowledged_at"], note: row["note"])
    }
}
