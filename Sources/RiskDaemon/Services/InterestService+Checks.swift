import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// Conflict checks: run one and store it for the minutes, and read the stored ones.
    ///
    /// A check is stored by reference (the names asked, the interests found); each reader gets it through
    /// `InterestViewer.view`, from the interests as they are when it is read: a board member never reads a conflict
    /// from another member's sensitive interest, and reads one from an interest the register hides from them as
    /// `withheld` (who, and how it matched).
    func registerChecks(_ table: inout MethodTable) {
        table.on(InterestInterface.Check.self) { parameters, request in
            let maximumNames = context.configuration.interests.maxOrganisationsPerCheck
            let (organisations, matter) = try ConflictRules.request(
                organisations: parameters.organisations,
                matter: parameters.matter,
                maximumNames: maximumNames
            )
            let charge = context.charge(request, .checksPerDay)
            let check = try await context.database.write(request.actor) { tx in
                try tx.admit(charge)
                return try Self.check(tx, organisations: organisations, matter: matter, today: request.today).check
            }
            return .init(check: .init(viewer(of: request).view(check)))
        }
        table.on(InterestInterface.Checks.self) { parameters, request in
            let viewer = viewer(of: request)
            let page = try await context.database.conflictChecks(
                viewer: viewer,
                after: try Paging.after(parameters.after),
                limit: try Paging.limit(parameters.limit)
            )
            return .init(checks: page.checks.map { .init($0) }, next: page.next)
        }
    }

    /// Checks `organisations` (already read by `ConflictRules.request`) against every interest active on `today`
    /// and the registry as they are now, stores the check and audits it (`ConflictCheckAudit`). Returns the check
    /// with every conflict, nothing withheld yet, and the interests it found, by id. A meeting's items are checked
    /// this way too, in the transaction of the change that checks them.
    static func check(
        _ tx: StoreTransaction,
        organisations: [String],
        matter: String,
        today: CalendarDate
    ) throws -> (check: ConflictCheck, interests: [Int: Interest]) {
        let interests = try tx.activeInterests(on: today)
        let conflicts = ConflictRules.conflicts(
            asked: organisations,
            interests: interests,
            registry: try tx.registry(),
            today: today
        )
        let check = try tx.insertCheck(organisations: organisations, matter: matter, conflicts: conflicts)
        try tx.audit(ConflictCheckAudit.subject(check.id), ConflictCheckAudit.recorded(check))
        let found = Set(conflicts.map(\.interestId))
        return (check, Dictionary(uniqueKeysWithValues: interests.filter { found.contains($0.id) }.map { ($0.id, $0) }))
    }
}
