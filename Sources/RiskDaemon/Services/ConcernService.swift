import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.concern`: anyone with a role raises a concern; administrators close it with an outcome.
///
/// Confidential (`ConcernRules.mayRead`): the member a concern is about never reads it, nor learns who raised it,
/// whatever their role: for them it does not exist (`NoSuchConcern`, and lists leave it out). A board member reads
/// the concerns they raised; administrators and auditors the others.
struct ConcernService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(ConcernInterface.Raise.self) { parameters, request in
            let board = Set(MemberService.accounts(context.configuration.access.board).map(\.user))
            var known = board
            if let about = parameters.about, !board.contains(about),
                try await context.database.memberJoinedOn(user: about) != nil
            {
                known.insert(about)
            }
            let concern = try ConcernRules.raise(
                kind: parameters.kind,
                text: parameters.text,
                about: parameters.about,
                by: request.caller.user,
                now: request.now
            ) { known.contains($0) }
            let charge = context.charge(request, .openConcerns, .concernsPerDay)
            let raised = try await context.database.write(request.actor) { tx in
                try Self.raise(tx, concern, charge: charge)
            }
            return .init(concern: .init(raised))
        }
        table.on(ConcernInterface.Get.self) { parameters, request in
            guard let concern = try await context.database.concern(id: parameters.id),
                ConcernRules.mayRead(concern, user: request.caller.user, keepsRegister: keepsRegister(request))
            else {
                // One answer for "none" and "not yours to know of": a denial would tell a member a concern exists.
                throw DomainError.notFound(.concern, id: parameters.id)
            }
            return .init(concern: .init(concern))
        }
        table.on(ConcernInterface.List.self) { parameters, request in
            let status = try parameters.status.map { (text: String) throws(DomainError) in
                guard let status = Concern.Status(rawValue: text.replacingOccurrences(of: "-", with: "_")) else {
                    throw DomainError.invalidValue("status", "must be one of open, upheld, not_upheld, withdrawn")
                }
                return status
            }
            let page = try await context.database.concerns(
                reader: .init(user: request.caller.user, keepsRegister: keepsRegister(request)),
                status: status,
                after: try Paging.after(parameters.after),
                limit: try Paging.limit(parameters.limit)
            )
            return .init(concerns: page.concerns.map { .init($0) }, next: page.next)
        }
        table.on(ConcernInterface.Close.self) { parameters, request in
            let closed = try await context.database.write(request.actor) { tx in
                let concern = try tx.concern(parameters.id)
                // Whom a concern is about never learns of it, not even by closing it.
                guard concern.about != request.caller.user else { throw DomainError.notFound(.concern, id: concern.id) }
                let closed = try ConcernRules.close(
                    concern,
                    status: parameters.status,
                    outcome: parameters.outcome,
                    by: request.caller.user,
                    now: request.now
                )
                try tx.saveClosing(of: closed)
                try tx.audit(ConcernAudit.subject(closed.id), ConcernAudit.closed(closed))
                try tx.outbox([
                    Notice.concernClosed(user: closed.raisedBy, concern: closed.id, status: closed.status.rawValue)
                ])
                return closed
            }
            return .init(concern: .init(closed))
        }
        return table
    }

    /// Stores `concern` (from `ConcernRules.raise`) and audits it; refused when it would take its author past a
    /// budget of `charge`.
    static func raise(_ tx: StoreTransaction, _ concern: Concern, charge: BudgetCharge?) throws -> Concern {
        try tx.admit(charge)
        let stored = try tx.insert(concern)
        try tx.audit(ConcernAudit.subject(stored.id), ConcernAudit.raised(stored))
        return stored
    }

    private func keepsRegister(_ request: Request) -> Bool {
        request.caller.roles.contains(.admin) || request.caller.roles.contains(.auditor)
    }
}

extension ConcernInterface.Concern {
    init(_ concern: RiskCore.Concern) {
        self.init(
            id: concern.id,
            raisedBy: concern.raisedBy,
            about: concern.about,
            kind: ConcernInterface.Kind(concern.kind),
            text: concern.text,
            raisedAt: concern.raisedAt.description,
            status: ConcernInterface.Status(concern.status),
            outcome: concern.outcome,
            closedBy: concern.closedBy,
            closedAt: concern.closedAt?.description
        )
    }
}
