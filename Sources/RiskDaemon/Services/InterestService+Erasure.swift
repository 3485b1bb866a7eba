import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// `Erase`: an administrator erases the personal text of a declaration, at the member's request or when the
    /// organisation must not keep it. The daily review erases ended ones by itself (`ReviewRunner`).
    func registerErasure(_ table: inout MethodTable) {
        table.on(InterestInterface.Erase.self) { parameters, request in
            let reason = parameters.reason
            let interest = try await context.database.eraseInterest(
                id: parameters.id,
                actor: request.actor,
                detail: AuditDetail(["erased": .personal(reason)])
            ) { current in try InterestRules.erase(current, reason: reason) }
            return .init(interest: .init(interest, today: request.today))
        }
    }
}
