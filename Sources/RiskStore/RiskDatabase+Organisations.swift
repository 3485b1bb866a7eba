import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The organisation with this id.
    public func organisation(id: Int) async throws -> Organisation? {
        try await lookup { db in
            guard let row = try OrganisationRow.fetchOne(db, key: id) else { return nil }
            return try Self.organisations(db, rows: [row]).first
        }
    }

    /// The organisation whose name or an alias normalises to `normalised`.
    public func organisation(named normalised: String) async throws -> Organisation? {
        try await lookup { db in
            guard let id = try Self.organisationId(db, named: normalised),
                let row = try OrganisationRow.fetchOne(db, key: id)
            else { return nil }
            return try Self.organisations(db, rows: [row]).first
        }
    }

    /// One page of organisations matching `query`, by id; `next` is the id to continue after.
    public func organisations(_ query: OrganisationQuery) async throws -> (organisations: [Organisation], next: Int?) {
        try await lookup { db in
            var clauses = ["id > ?"]
            var arguments: StatementArguments = [query.after ?? 0]
            if let kind = query.kind {
                clauses.append("kind = ?")
                arguments += [kind.rawValue]
            }
            if let text = query.text {
                clauses.append(
                    """
                    (instr(normalised_name, ?) > 0 OR EXISTS (SELECT 1 FROM organisation_alias a
                        WHERE a.organisation_id = organisation.id AND instr(a.normalised_alias, ?) > 0))
                    """
                )
                arguments += [text, text]
            }
            let sql = "SELECT * FROM organisation WHERE \(clauses.joined(separator: " AND ")) ORDER BY id LIMIT ?"
            arguments += [query.limit + 1]
            let rows = try OrganisationRow.fetchAll(db, sql: sql, arguments: arguments)
            let page = try Self.organisations(db, rows: Array(rows.prefix(query.limit)))
            return (page, rows.count > query.limit ? page.last?.id : nil)
        }
    }

    /// Every organisation of the registry, by id.
    public func registry() async throws -> [Organisation] {
        try await writer.read { db in try Self.registry(db) }
    }

    // MARK: Shared with the register of interests

    /// Every organisation, by id, with its aliases.
    static func registry(_ db: Database) throws -> [Organisation] {
        try organisations(db, rows: OrganisationRow.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY id"))
    }

    /// The id of the organisation whose name or an alias normalises to `normalised`.
    static func organisationId(_ db: Database, named normalised: String) throws -> Int? {
        try Int.fetchOne(
            db,
            sql: """
                SELECT id FROM organisation WHERE normalised_name = ?
                UNION ALL SELECT organisation_id FROM organisation_alias WHERE normalised_alias = ?
                LIMIT 1
                """,
            arguments: [normalised, normalised]
        )
    }

    /// The organisations of `rows` with their aliases, in the order of `rows`.
    static func organisations(_ db: Database, rows: [OrganisationRow]) throws -> [Organisation] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let aliasRows = try OrganisationAliasRow.fetchAll(
            db,
            sql: """
                SELECT * FROM organisation_alias WHERE organisation_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                ORDER BY organisation_id, position
                """,
            arguments: StatementArguments(ids)
        )
        let aliases = Dictionary(grouping: aliasRows, by: \.organisationId)
        return try rows.map { row throws(StoreError) in
            try row.domain(aliases: (aliases[row.id ?? 0] ?? []).map(\.alias))
        }
    }

    /// Throws `DuplicateName` when the name or an alias of `organisation` belongs to another organisation.
    static func checkNamesFree(_ db: Database, _ organisation: Organisation) throws {
        for name in organisation.names {
            if let holder = try organisationId(db, named: NameMatching.normalise(name)), holder != organisation.id {
                throw DomainError.duplicateName(name, id: holder)
            }
        }
    }

    static func insertAliases(_ db: Database, _ organisation: Organisation) throws {
        for (position, alias) in organisation.aliases.enumerated() {
            try OrganisationAliasRow(
                organisationId: organisation.id,
                alias: alias,
                normalisedAlias: NameMatching.normalise(alias),
                position: position
            ).insert(db)
        }
    }
}
