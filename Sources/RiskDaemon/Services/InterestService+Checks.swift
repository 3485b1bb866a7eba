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
            let check = try await context.database.recordConflictCheck(
                organisations: organisations,
                matter: matter,
                today: request.today,
                charge: context.charge(request, .checksPerDay),
                actor: request.actor,
                detail: Self.checkDetail
            )
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

    /// How a conflict check is audited: the matter and the names asked, never what was found. The entry is the
    /// member's to read (their export), and a count of conflicts would count another member's sensitive interest,
    /// which the check's reply leaves out; the conflicts stay with the stored check, read through `Checks`.
    @Sendable static func checkDetail(_ check: ConflictCheck) -> AuditDetail {
        AuditDetail([
            "matter": .text(check.matter),
            "organisations": .text(OrganisationService.list(check.organisations)),
        ])
    }
}
