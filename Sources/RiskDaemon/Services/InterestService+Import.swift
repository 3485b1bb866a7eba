import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// `Import`: the secretariat enters a board's existing declarations when the register opens, all or nothing;
    /// each is audited as made by the administrator on behalf of its declarant, who must hold the board role.
    func registerImport(_ table: inout MethodTable) {
        table.on(InterestInterface.Import.self) { parameters, request in
            let policy = context.interestPolicy
            var board: [String: Int] = [:]
            for account in MemberService.accounts(context.configuration.access.board) {
                board[account.user] = account.uid
            }
            var joined: [String: CalendarDate] = [:]
            for declarant in Set(parameters.interests.map(\.declarant)) where board[declarant] != nil {
                joined[declarant] = try await context.database.memberJoinedOn(user: declarant)
            }
            let declarations = parameters.interests.map { entry in
                InterestRules.ImportedDeclaration(
                    declarant: entry.declarant,
                    draft: InterestDraft(
                        kind: entry.kind,
                        organisation: entry.organisation,
                        description: entry.description,
                        value: entry.value,
                        sensitive: entry.sensitive,
                        startedOn: entry.startedOn,
                        endedOn: entry.endedOn
                    )
                )
            }
            let interests = try InterestRules.importDeclarations(
                declarations,
                board: board,
                joined: joined,
                now: request.now,
                today: request.today,
                policy: policy
            )
            let ids = try await context.database.write(request.actor) { tx in
                try Self.importDeclarations(tx, interests, policy: policy)
            }
            return .init(ids: ids)
        }
    }
}

extension InterestService {
    /// Stores the interests of an import (from `InterestRules.importDeclarations`), all or nothing, each linked to
    /// the registry, audited as made by the actor for its declarant, and with the recusals it makes at published
    /// meetings; returns their ids.
    ///
    /// Refused (`InterestRules.admitDeclaration`, naming `interests[i].declarant`) when a declarant would have more
    /// declarations on record than `policy` allows.
    static func importDeclarations(
        _ tx: StoreTransaction,
        _ interests: [Interest],
        policy: InterestPolicy
    ) throws -> [Int] {
        var declared: [String: Int] = [:]
        var ids: [Int] = []
        for (index, interest) in interests.enumerated() {
            let count = try declared[interest.declarant] ?? tx.declarationCount(of: interest.declarant)
            do {
                try InterestRules.admitDeclaration(declared: count, policy: policy)
            } catch let error as DomainError {
                throw DomainError.invalidValue("interests[\(index)].\(error.field)", error.reason)
            }
            declared[interest.declarant] = count + 1
            var linked = interest
            linked.organisationId = try tx.organisationId(named: interest.normalisedOrganisation)
            let stored = try tx.insert(linked)
            try tx.audit(InterestAudit.subject(stored.id), InterestAudit.declaredFor(stored))
            try MeetingService.addRecusals(tx, for: stored)
            ids.append(stored.id)
        }
        return ids
    }
}
