import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The risk with this id.
    public func risk(id: Int) async throws -> Risk? {
        try await lookup { db in try RiskRow.fetchOne(db, key: id)?.domain() }
    }

    /// A risk with its actions and reviews (oldest first).
    ///
    /// The reviews are every review, oldest first, or, when they would take more than `reviewBudget` bytes in a
    /// reply, the newest that fit, with `omitted` counting the older ones left out: a risk's owner may review it
    /// without limit, and no reply may grow without bound.
    public func riskDetail(
        id: Int,
        reviewBudget: Int = ReplySize.pageBytes
    ) async throws
        -> (risk: Risk, actions: [Action], reviews: [RiskReviewRecord], omitted: Int)?
    {
        try await lookup { db in
            // The most frequent call of all: cached statements, no SQL compiled (or even built) per call.
            guard let risk = try RiskRow.fetchRisks(db.cachedStatement(sql: DetailSQL.risk), arguments: [id]).first
            else { return nil }
            let actions = try ColumnCursor(db.cachedStatement(sql: DetailSQL.actions), arguments: [id]) { row in
                try ActionRow(columnsOf: row).domain()
            }.all()
            let newestFirst = try ColumnCursor(db.cachedStatement(sql: DetailSQL.reviews), arguments: [id]) { row in
                try RiskReviewRecord(columnsOf: row)
            }
            var reviews: [RiskReviewRecord] = []
            var bytes = ReplySize.Page(budget: reviewBudget)
            var cut = false
            while let review = try newestFirst.next() {
                guard bytes.take(Self.replyBytes(of: review)) else {
                    cut = true
                    break
                }
                reviews.append(review)
            }
            let total =
                cut
                ? try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM risk_review WHERE risk_id = ?"),
                    arguments: [id]
                ) ?? reviews.count
                : reviews.count
            return (risk, actions, reviews.reversed(), total - reviews.count)
        }
    }

    /// The statements of `riskDetail`, built once.
    private enum DetailSQL {
        static let risk = "SELECT \(RiskRow.columns) FROM risk WHERE id = ?"
        static let actions = "SELECT \(ActionRow.columns) FROM action WHERE risk_id = ? ORDER BY id"
        static let reviews = "SELECT \(RiskReviewRecord.columns) FROM risk_review WHERE risk_id = ? ORDER BY id DESC"
    }

    /// An upper bound on the bytes `review` takes in a reply.
    package static func replyBytes(of review: RiskReviewRecord) -> Int {
        160 + ReplySize.of(review.reviewer) + ReplySize.of(review.reviewedAt) + ReplySize.of(review.note)
    }

    /// One page of risks matching `query`, by id; `next` is the id to continue after.
    public func risks(_ query: RiskQuery) async throws -> (risks: [Risk], next: Int?) {
        try await lookup { db in
            let (clauses, filterArguments) = query.clauses()
            var arguments: StatementArguments = [query.after ?? 0]
            arguments += filterArguments
            arguments += [query.limit + 1]
            let risks = try RiskRow.fetchRisks(
                db,
                "WHERE id > ? AND \(clauses.joined(separator: " AND ")) ORDER BY id LIMIT ?",
                arguments: arguments
            )
            let page = Array(risks.prefix(query.limit))
            return (page, risks.count > query.limit ? page.last?.id : nil)
        }
    }

    /// Non-empty cells of the likelihood × impact matrix over risks that are not closed.
    /// - Parameter inherent: rate by inherent values instead of current ones.
    public func matrix(inherent: Bool) async throws -> [MatrixCell] {
        let rating = MatrixCell.ratingColumns(inherent: inherent)
        return try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l, i, COUNT(*) AS n FROM (SELECT \(rating) FROM risk WHERE status <> ?)
                    GROUP BY l, i ORDER BY l, i
                    """,
                arguments: [RiskStatus.closed.rawValue]
            ).map { row in MatrixCell(likelihood: row["l"], impact: row["i"], count: row["n"]) }
        }
    }

    // MARK: Actions

    /// The action with this id, and the risk it belongs to.
    public func action(id: Int) async throws -> Action? {
        try await lookup { db in try ActionRow.fetchOne(db, key: id)?.domain() }
    }
}
