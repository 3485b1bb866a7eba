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
            let ids = try await context.database.importInterests(interests, policy: policy, actor: request.actor) {
                var detail = Self.detail($0)
                detail.set("declarant", text: $0.declarant)
                return detail
            }
            return .init(ids: ids)
        }
    }
}
