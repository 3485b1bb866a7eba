import RiskCore
import RiskProtocol
import RiskStore

extension RiskService {
    /// Review, accept, close, reopen, and the actions that treat a risk.
    func registerTreatment(_ table: inout MethodTable) {
        table.on(RiskInterface.Review.self) { parameters, request in
            let policy = context.configuration.risk
            let ratings = RiskChanges(
                likelihood: parameters.likelihood,
                impact: parameters.impact,
                residualLikelihood: parameters.residualLikelihood,
                residualImpact: parameters.residualImpact
            )
            var detail = AuditDetail(["note": .digest(parameters.note)])
            detail.set("likelihood", int: parameters.likelihood)
            detail.set("impact", int: parameters.impact)
            detail.set("residualLikelihood", int: parameters.residualLikelihood)
            detail.set("residualImpact", int: parameters.residualImpact)
            let (now, today) = (request.now, request.today)
            let risk = try await context.database.reviewRisk(
                id: parameters.id,
                reviewer: request.caller.user,
                note: parameters.note,
                charge: context.charge(request, .reviewsPerDay),
                actor: request.actor,
                detail: detail
            ) { current in
                guard request.mayTouch(ownedBy: current.owner) else { throw DomainError.permissionDenied }
                return try RiskRules.review(
                    current,
                    note: parameters.note,
                    ratings: ratings,
                    now: now,
                    today: today,
                    policy: policy
                )
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Accept.self) { parameters, request in
            var detail = AuditDetail(["until": .text(parameters.until), "note": .digest(parameters.note)])
            detail.set("decision", text: parameters.decision)
            let (now, today, user) = (request.now, request.today, request.caller.user)
            let risk = try await context.database.updateRisk(
                id: parameters.id,
                ifRevision: nil,
                change: .accepted,
                note: parameters.note,
                actor: request.actor,
                detail: detail
            ) { current in
                try RiskRules.accept(
                    current,
                    until: parameters.until,
                    note: parameters.note,
                    decision: parameters.decision,
                    by: user,
                    now: now,
                    today: today
                )
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Close.self) { parameters, request in
            var detail = AuditDetail(["reason": .text(parameters.reason.rawValue)])
            detail.set("note", parameters.note.map(AuditDetail.Field.digest))
            let reason = CloseReason(parameters.reason)
            let now = request.now
            let risk = try await context.database.closeRisk(
                id: parameters.id,
                note: parameters.note,
                actor: request.actor,
                detail: detail
            ) { current in
                try RiskRules.close(current, reason: reason, note: parameters.note, now: now)
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Reopen.self) { parameters, request in
            let policy = context.configuration.risk
            let (now, today) = (request.now, request.today)
            let risk = try await context.database.updateRisk(
                id: parameters.id,
                ifRevision: nil,
                change: .reopened,
                note: parameters.note,
                actor: request.actor,
                detail: AuditDetail(["note": .digest(parameters.note)])
            ) {
                try RiskRules.reopen($0, note: parameters.note, now: now, today: today, policy: policy)
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
            let detail = AuditDetail([
                "riskId": .int(parameters.riskId), "description": .digest(parameters.description),
                "owner": .text(action.owner), "dueOn": .text(action.dueOn.description),
            ])
            return .init(
                action: .init(
                    try await context.database.addAction(
                        action,
                        actor: request.actor,
                        detail: detail
                    )
                )
            )
        }
        table.on(RiskInterface.UpdateAction.self) { parameters, request in
            try await Owners.check(parameters.owner, field: "owner", in: context.database)
            var detail = AuditDetail()
            detail.set("status", text: parameters.status?.rawValue)
            detail.set("dueOn", text: parameters.dueOn)
            detail.set("owner", text: parameters.owner)
            detail.set("description", parameters.description.map(AuditDetail.Field.digest))
            detail.set("note", parameters.note.map(AuditDetail.Field.digest))
            let status = parameters.status.map(ActionStatus.init)
            let now = request.now
            let action = try await context.database.updateAction(
                id: parameters.id,
                ifRevision: parameters.ifRevision,
                charge: context.charge(request, .actionUpdatesPerDay),
                actor: request.actor,
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
                    now: now
                )
            }
            return .init(action: .init(action))
        }
    }
}
