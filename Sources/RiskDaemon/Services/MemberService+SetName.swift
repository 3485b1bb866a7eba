import RiskCore
import RiskProtocol
import RiskStore

extension MemberService {
    /// `SetName`: the name documents give a board member in place of their account's full name.
    ///
    /// Checked in this order, each refusal changing nothing: who may name whom (a board member only themselves),
    /// the name (`PersonName`), then that the user holds the board role now; only then is the member enrolled
    /// (as `List` would) and the name stored.
    func registerSetName(_ table: inout MethodTable) {
        table.on(MemberInterface.SetName.self) { parameters, request in
            guard request.mayTouch(ownedBy: parameters.user) else { throw DomainError.permissionDenied }
            let name = try PersonName.validated(parameters.name)
            let account = boardAccounts(context.configuration.access.board).filter { $0.user == parameters.user }
            guard !account.isEmpty else { throw DomainError.notFound(.member, key: parameters.user) }
            try await context.database.enrol(account, at: request.now)
            let charge = context.charge(request, .contactChangesPerDay)
            _ = try await context.database.write(request.actor) { tx in
                try tx.admit(charge)
                guard try tx.setName(of: parameters.user, to: name) else { return false }
                try tx.audit(MemberAudit.subject(parameters.user), MemberAudit.nameSet(name))
                return true
            }
            guard let member = try await members(only: parameters.user, request: request).first else {
                throw DomainError.notFound(.member, key: parameters.user)
            }
            return .init(member: member)
        }
    }
}
