import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The interest with this id, whoever may see it: the caller decides.
    public func interest(id: Int) async throws -> Interest? {
        try await lookup { db in try InterestRow.fetchOne(db, key: id)?.domain() }
    }

    /// One page of the interests `query.viewer` may see that match `query`, by id; `next` is the id to continue
    /// after. A page ends after `query.limit` interests, or earlier once it would take more than `query.budget`
    /// bytes (`ReplySize`); it always holds one interest when any is left. With `query.asOf`, each interest is its
    /// version of that time, and visibility follows its sensitivity then.
    public func interests(_ query: InterestQuery) async throws -> (interests: [Interest], next: Int?) {
        try await lookup { db in
            var clauses = ["id > ?"]
            var arguments: StatementArguments = []
            var source = "interest"
            if let asOf = query.asOf {
                source = "(\(VersionLog.asOf(.interest))) AS interest"
                arguments += [asOf.description]
            }
            arguments += [query.after ?? 0]
            if let visibility = Self.visibility(query.viewer) {
                clauses.append(visibility.sql)
                arguments += visibility.arguments
            }
            if let declarant = query.declarant {
                clauses.append("declarant = ?")
                arguments += [declarant]
            }
            if let active = query.active {
                clauses.append(active ? Self.activeClause : "NOT \(Self.activeClause)")
                arguments += [query.today.description]
            }
            if query.organisationNames != nil || query.organisationId != nil {
                let names = query.organisationNames ?? []
                var alternatives = ["normalised_organisation IN (\(names.map { _ in "?" }.joined(separator: ",")))"]
                arguments += StatementArguments(names)
                if let id = query.organisationId {
                    alternatives.append("organisation_id = ?")
                    arguments += [id]
                }
                clauses.append("(\(alternatives.joined(separator: " OR ")))")
            }
            let sql = "SELECT * FROM \(source) WHERE \(clauses.joined(separator: " AND ")) ORDER BY id LIMIT ?"
            arguments += [query.limit + 1]
            // A cursor, so that a page cut short by its byte budget reads no further rows.
            let rows = try InterestRow.fetchCursor(db, sql: sql, arguments: arguments)
            var budget = ReplySize.Page(budget: query.budget)
            var page: [Interest] = []
            while let row = try rows.next() {
                let interest = try row.domain()
                guard page.count < query.limit, budget.take(ReplySize.of(interest)) else {
                    return (page, page.last?.id)
                }
                page.append(interest)
            }
            return (page, nil)
        }
    }

    // MARK: Shared with checks and members

    /// `interest` rows active on the date bound to the `?`.
    static let activeClause = "(ended_on IS NULL OR ended_on >= ?)"

    /// The condition on `interest` rows that keeps those `viewer` may see; `nil` when they see every one.
    ///
    /// The SQL form of `InterestViewer.maySee(declarant:sensitive:)`, so that pages hold only visible rows.
    static func visibility(_ viewer: InterestViewer) -> (sql: String, arguments: StatementArguments)? {
        switch viewer {
        case .registerKeeper:
            return nil
        case .boardMember(let user, let seesRegister):
            return seesRegister ? ("(declarant = ? OR sensitive = 0)", [user]) : ("declarant = ?", [user])
        }
    }
}
