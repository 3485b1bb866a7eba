import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// `Erase`: an administrator erases the personal text of a declaration, at the member's request or when the
    /// organisation must not keep it. The daily review erases ended ones by itself (`ReviewRunner`).
    func registerErasure(_ table: inout MethodTable) {
        table.on(InterestInterface.Erase.self) { parameters, request in
            let reason = parameters.reason
            let interest = try await context.database.write(request.actor) { tx in
                let erased = try InterestRules.erase(try tx.interest(parameters.id), reason: reason)
                try tx.saveErasure(of: erased)
                try tx.audit(InterestAudit.subject(erased.id), InterestAudit.erased(reason: reason))
                return erased
            }
            await context.database.writeBackErasure()
            return .init(interest: .init(interest, today: request.today))
        }
    }
}
