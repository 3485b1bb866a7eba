import RiskCore
import RiskProtocol
import RiskStore

extension RiskService {
    /// Review, accept, close, reopen, and the actions that treat a risk. The stories are in
    /// `RiskService+Stories.swift`.
    func registerTreatment(_ table: inout MethodTable) {
        table.on(RiskInterface.Review.self) { parameters, request in
            let policy = context.configuration.risk
            let ratings = RiskChanges(
                likelihood: parameters.likelihood,
                impact: parameters.impact,
                residualLikelihood: parameters.residualLikelihood,
                residualImpact: parameters.residualImpact
            )
            let charge = context.charge(request, .reviewsPerDay)
            let risk = try await context.database.write(request.actor) { tx in
                try Self.review(
                    tx,
                    parameters.id,
                    note: parameters.note,
                    charge: charge,
                    detail: RiskAudit.reviewed(note: parameters.note, ratings: ratings)
                ) { current in
                    guard request.mayTouch(ownedBy: current.owner) else { throw DomainError.permissionDenied }
                    return try RiskRules.review(
                        current,
                        note: parameters.note,
                        ratings: ratings,
                        now: request.now,
                        today: request.today,
                        policy: policy
                    )
                }
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Accept.self) { parameters, request in
            let detail = RiskAudit.accepted(
                until: parameters.until,
                note: parameters.note,
                decision: parameters.decision
            )
            let risk = try await context.database.write(request.actor) { tx in
                try Self.change(tx, parameters.id, .accepted, note: parameters.note, detail: detail) { current in
                    try RiskRules.accept(
                        current,
                        until: parameters.until,
                        note: parameters.note,
                        decision: parameters.decision,
                        by: request.caller.user,
                        now: request.now,
                        today: request.today
                    )
                }
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Close.self) { parameters, request in
            let reason = CloseReason(parameters.reason)
            let risk = try await context.database.write(request.actor) { tx in
                try Self.close(
                    tx,
                    parameters.id,
                    note: parameters.note,
                    detail: RiskAudit.closed(reason: reason, note: parameters.note)
                ) { current in
                    try RiskRules.close(current, reason: reason, note: parameters.note, now: request.now)
                }
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Reopen.self) { parameters, request in
            let policy = context.configuration.risk
            let risk = try await context.database.write(request.actor) { tx in
                try Self.change(
                    tx,
                    parameters.id,
                    .reopened,
                    note: parameters.note,
                    detail: RiskAudit.reopened(note: parameters.note)
                ) {
                    try RiskRules.reopen(
                        $0,
                        note: parameters.note,
                        now: request.now,
                        today: request.today,
                        policy: policy
                    )
                }
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.AddAction.self) { parameters, request in
            try await Owners.check(parameters.owner, field: "owner", in: context.database)
            let action = try ActionRules.create(
                riskId: parameters.riskId,
                description: parameters.description,
                owner: parameters.owner,
                dueOn: parameters.dueOn
            )
            let stored = try await context.database.write(request.actor) { tx in
                try Self.addAction(tx, action, description: parameters.description)
            }
            return .init(action: .init(stored))
        }
        table.on(RiskInterface.UpdateAction.self) { parameters, request in
            try await Owners.check(parameters.owner, field: "owner", in: context.database)
            let status = parameters.status.map(ActionStatus.init)
            let detail = ActionAudit.updated(
                status: status,
                dueOn: parameters.dueOn,
                owner: parameters.owner,
                description: parameters.description,
                note: parameters.note
            )
            let charge = context.charge(request, .actionUpdatesPerDay)
            let action = try await context.database.write(request.actor) { tx in
                try Self.updateAction(
                    tx,
                    parameters.id,
                    ifRevision: parameters.ifRevision,
                    charge: charge,
                    detail: detail
                ) { current in
                    guard request.mayTouch(ownedBy: current.owner) else { throw DomainError.permissionDenied }
                    return try ActionRules.update(
                        current,
                        status: status,
                        dueOn: parameters.dueOn,
                        owner: parameters.owner,
                        description: parameters.description,
                        note: parameters.note,
                        now: request.now
                    )
                }
            }
            return .init(action: .init(action))
        }
    }
}
