import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.risk`: the register itself. Treatment (review, accept, close, actions) is in
/// `RiskService+Treatment.swift`; the stories the methods run are in `RiskService+Stories.swift`.
struct RiskService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        registerRegister(&table)
        registerTreatment(&table)
        registerGovernance(&table)
        return table
    }

    /// `risk` as the wire shows it: its band from the configured thresholds, `aboveAppetite` from the appetites set.
    func wire(_ risk: Risk) -> RiskInterface.Risk {
        .init(risk, scoring: context.configuration.risk.scoring, appetites: context.database.appetiteTable())
    }

    private func registerRegister(_ table: inout MethodTable) {
        table.on(RiskInterface.Add.self) { parameters, request in
            let policy = context.configuration.risk
            try await Owners.check(parameters.owner, field: "owner", in: context.database)
            let risk = try RiskRules.create(
                RiskDraft(parameters),
                caller: request.caller.user,
                now: request.now,
                today: request.today,
                policy: policy
            )
            let stored = try await context.database.write(request.actor) { tx in try Self.add(tx, [risk]) }
            return .init(risk: wire(stored[0]))
        }
        table.on(RiskInterface.Import.self) { parameters, request in
            let policy = context.configuration.risk
            var risks: [Risk] = []
            for (index, new) in parameters.risks.enumerated() {
                try await Owners.check(new.owner, field: "risks[\(index)].owner", in: context.database)
                do {
                    risks.append(
                        try RiskRules.create(
                            RiskDraft(new),
                            caller: request.caller.user,
                            now: request.now,
                            today: request.today,
                            policy: policy
                        )
                    )
                } catch let error as DomainError {
                    throw DomainError.invalidValue("risks[\(index)].\(error.field)", error.reason)
                }
            }
            guard !risks.isEmpty else { throw DomainError.invalidValue("risks", "must hold at least one risk") }
            let stored = try await context.database.write(request.actor) { [risks] tx in
                try Self.add(tx, risks, change: .imported)
            }
            return .init(ids: stored.map(\.id))
        }
        table.on(RiskInterface.Get.self) { parameters, _ in
            guard let detail = try await context.database.riskDetail(id: parameters.id) else {
                throw DomainError.notFound(.risk, id: parameters.id)
            }
            return .init(
                risk: wire(detail.risk),
                actions: detail.actions.map(RiskInterface.Action.init),
                reviews: detail.reviews.map(RiskInterface.RiskReview.init),
                reviewsOmitted: detail.omitted > 0 ? detail.omitted : nil
            )
        }
        table.on(RiskInterface.List.self) { parameters, request in
            let statuses = try parameters.status.map { names throws(DomainError) in
                try names.enumerated().map { index, name throws(DomainError) in
                    guard let status = RiskStatus(rawValue: name) else {
                        throw DomainError.invalidValue(
                            "status[\(index)]",
                            "must be one of open, mitigating, accepted, closed, not \"\(name)\""
                        )
                    }
                    return status
                }
            }
            if let minScore = parameters.minScore, !(1...25).contains(minScore) {
                throw DomainError.invalidValue("minScore", "must be between 1 and 25, not \(minScore)")
            }
            let asOf = try parameters.asOf.map { text throws(DomainError) in try Self.asOf(text) }
            let query = RiskQuery(
                statuses: statuses,
                category: parameters.category,
                owner: parameters.owner,
                minScore: parameters.minScore,
                overdue: parameters.overdue,
                today: request.today,
                aboveAppetite: parameters.aboveAppetite,
                appetites: context.database.appetiteTable(),
                limit: try Paging.limit(parameters.limit),
                after: try Paging.after(parameters.after)
            )
            let page =
                if let asOf { try await context.database.risks(query, asOf: asOf) } else {
                    try await context.database.risks(query)
                }
            return .init(risks: page.risks.map(wire), next: page.next)
        }
        table.on(RiskInterface.Update.self) { parameters, request in
            let policy = context.configuration.risk
            try await Owners.check(parameters.owner, field: "owner", in: context.database)
            let changes = RiskChanges(
                title: parameters.title,
                description: parameters.description,
                category: parameters.category,
                area: parameters.area,
                owner: parameters.owner,
                likelihood: parameters.likelihood,
                impact: parameters.impact,
                residualLikelihood: parameters.residualLikelihood,
                residualImpact: parameters.residualImpact,
                nextReviewDue: parameters.nextReviewDue
            )
            let risk = try await context.database.write(request.actor) { tx in
                try Self.change(
                    tx,
                    parameters.id,
                    ifRevision: parameters.ifRevision,
                    .updated,
                    detail: RiskAudit.updated(changes)
                ) { current in
                    try RiskRules.update(current, with: changes, now: request.now, policy: policy)
                }
            }
            return .init(risk: wire(risk))
        }
        table.on(RiskInterface.Matrix.self) { parameters, _ in
            let inherent = parameters.basis == .inherent
            let cells =
                if let asOf = parameters.asOf {
                    try await context.database.matrix(inherent: inherent, asOf: try Self.asOf(asOf))
                } else {
                    try await context.database.matrix(inherent: inherent)
                }
            return .init(cells: cells.map { .init(likelihood: $0.likelihood, impact: $0.impact, count: $0.count) })
        }
    }

}
