import RiskCore
import RiskProtocol
import RiskStore

extension RiskService {
    /// The register over time (a risk's history, the register as of a date) and the board's appetite.
    func registerGovernance(_ table: inout MethodTable) {
        table.on(RiskInterface.History.self) { parameters, _ in
            guard let history = try await context.database.riskHistory(id: parameters.id) else {
                throw DomainError.notFound(.risk, id: parameters.id)
            }
            let scoring = context.configuration.risk.scoring
            let appetites = context.database.appetiteTable()
            return .init(
                versions: history.versions.map { .init($0, scoring: scoring, appetites: appetites) },
                versionsOmitted: history.omitted > 0 ? history.omitted : nil
            )
        }
        table.on(RiskInterface.Appetites.self) { _, _ in
            .init(appetites: try await context.database.appetites().map(RiskInterface.Appetite.init))
        }
        table.on(RiskInterface.SetAppetite.self) { parameters, request in
            try AppetiteRules.validate(
                category: parameters.category,
                maxScore: parameters.maxScore,
                categories: context.configuration.risk.categories
            )
            let appetite = try await context.database.write(request.actor) { tx in
                try Self.setAppetite(tx, category: parameters.category, maxScore: parameters.maxScore)
            }
            return .init(appetite: appetite.map(RiskInterface.Appetite.init))
        }
    }

    /// Sets (or, with `maxScore` nil, removes) the board's appetite for `category`, audited (`AppetiteAudit`), once
    /// the caller has checked the change (`AppetiteRules.validate`, against the configured categories). Returns what
    /// is now set.
    static func setAppetite(_ tx: StoreTransaction, category: String, maxScore: Int?) throws -> Appetite? {
        let appetite = try tx.saveAppetite(category: category, maxScore: maxScore)
        try tx.audit(AppetiteAudit.subject(category), AppetiteAudit.set(category: category, maxScore: maxScore))
        return appetite
    }

    /// The `asOf` of `List` and `Matrix`: an RFC 3339 time, or a date YYYY-MM-DD meaning the end of that day (UTC),
    /// so that `--as-of 2026-09-30` includes what changed on the 30th.
    static func asOf(_ text: String) throws(DomainError) -> Instant {
        if let instant = Instant(rfc3339: text) { return instant }
        if let date = CalendarDate(text) {
            return Instant(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400 + 86_399)
        }
        throw .invalidValue(
            "asOf",
            "must be an RFC 3339 time (2026-09-30T18:00:00Z) or a date YYYY-MM-DD, not \"\(text)\""
        )
    }
}
