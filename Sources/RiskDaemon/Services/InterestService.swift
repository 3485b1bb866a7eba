import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.interest`: board members declare and confirm their interests; administrators record how conflicts
/// are managed. Conflict checks are in `InterestService+Checks.swift`.
///
/// The declarant is always the caller. What each caller may read follows `InterestViewer`: someone else's
/// sensitive interest is left out of a board member's lists and refused on `Get`.
struct InterestService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        registerDeclarations(&table)
        registerChanges(&table)
        registerChecks(&table)
        registerImport(&table)
        registerErasure(&table)
        registerPublicRegister(&table)
        registerConfirmation(&table)
        return table
    }

    private func registerDeclarations(_ table: inout MethodTable) {
        table.on(InterestInterface.Declare.self) { parameters, request in
            let policy = context.interestPolicy
            let draft = InterestDraft(
                kind: parameters.kind,
                organisation: parameters.organisation,
                description: parameters.description,
                value: parameters.value,
                sensitive: parameters.sensitive,
                startedOn: parameters.startedOn,
                endedOn: parameters.endedOn
            )
            let joinedOn = try await context.database.memberJoinedOn(user: request.caller.user)
            let interest = try InterestRules.declare(
                draft,
                declarant: request.caller.user,
                declarantUID: Int(request.caller.uid),
                now: request.now,
                today: request.today,
                policy: policy,
                joinedOn: joinedOn
            )
            let stored = try await context.database.declareInterest(
                interest,
                policy: policy,
                actor: request.actor,
                detail: Self.detail
            )
            return .init(
                interest: .init(stored, today: request.today),
                suggestions: try await suggestions(for: stored)
            )
        }
        table.on(InterestInterface.Get.self) { parameters, request in
            guard let interest = try await context.database.interest(id: parameters.id) else {
                throw DomainError.notFound(.interest, id: parameters.id)
            }
            // One answer for "none" and "not yours to see": a denial would tell that the interest exists.
            guard viewer(of: request).maySee(interest) else { throw DomainError.notFound(.interest, id: parameters.id) }
            return .init(interest: .init(interest, today: request.today))
        }
        table.on(InterestInterface.List.self) { parameters, request in
            var query = InterestQuery(
                viewer: viewer(of: request),
                declarant: parameters.declarant,
                active: parameters.active,
                today: request.today,
                limit: try Paging.limit(parameters.limit),
                after: try Paging.after(parameters.after)
            )
            if let organisation = parameters.organisation {
                let normalised = NameMatching.normalise(organisation)
                guard !normalised.isEmpty else {
                    throw DomainError.invalidValue("organisation", "must contain a letter or a digit")
                }
                let registered = try await context.database.organisation(named: normalised)
                query.organisationNames =
                    [normalised]
                    + (registered.map { [$0.normalisedName] + $0.normalisedAliases } ?? [])
                query.organisationId = registered?.id
            }
            let page = try await context.database.interests(query)
            return .init(interests: page.interests.map { .init($0, today: request.today) }, next: page.next)
        }
    }

    private func registerChanges(_ table: inout MethodTable) {
        table.on(InterestInterface.Update.self) { parameters, request in
            let changes = InterestChanges(
                description: parameters.description,
                value: parameters.value,
                sensitive: parameters.sensitive,
                endedOn: parameters.endedOn,
                organisation: parameters.organisation
            )
            var detail = AuditDetail()
            detail.set("description", parameters.description.map(AuditDetail.Field.personal))
            detail.set("value", parameters.value.map(AuditDetail.Field.personal))
            detail.set("sensitive", parameters.sensitive.map(AuditDetail.Field.bool))
            detail.set("endedOn", text: parameters.endedOn)
            detail.set("organisation", text: parameters.organisation)
            let interest = try await context.database.updateInterest(
                id: parameters.id,
                ifRevision: parameters.ifRevision,
                charge: context.charge(request, .interestChangesPerDay),
                actor: request.actor,
                detail: detail
            ) { current in
                try refuseUnlessOwn(current, request)
                return try InterestRules.update(
                    current,
                    with: changes,
                    gifts: context.configuration.interests.policy.gifts
                )
            }
            return .init(
                interest: .init(interest, today: request.today),
                suggestions: try await suggestions(for: interest)
            )
        }
        table.on(InterestInterface.End.self) { parameters, request in
            let today = request.today
            let interest = try await context.database.updateInterest(
                id: parameters.id,
                ifRevision: nil,
                charge: context.charge(request, .interestChangesPerDay),
                actor: request.actor,
                detail: AuditDetail(["endedOn": .text(parameters.endedOn)])
            ) { current in
                try refuseUnlessOwn(current, request)
                return try InterestRules.end(current, endedOn: parameters.endedOn, today: today)
            }
            return .init(interest: .init(interest, today: request.today))
        }
        table.on(InterestInterface.Manage.self) { parameters, request in
            let (manager, now) = (request.caller.user, request.now)
            let interest = try await context.database.updateInterest(
                id: parameters.id,
                ifRevision: parameters.ifRevision,
                actor: request.actor,
                detail: AuditDetail(["plan": .personal(parameters.plan)])
            ) { current in
                try InterestRules.manage(current, plan: parameters.plan, by: manager, now: now)
            }
            return .init(interest: .init(interest, today: request.today))
        }
    }

    /// Who the caller reads the register as.
    func viewer(of request: Request) -> InterestViewer {
        InterestViewer(
            user: request.caller.user,
            roles: request.caller.roles,
            seesRegister: context.configuration.interests.boardSeesRegister
        )
    }

    /// The registry organisations a declaration unlinked to the registry may have meant, as riskctl offers them:
    /// "Western Balkan Fund (O-27)"; none for a linked one.
    private func suggestions(for interest: Interest) async throws -> [String] {
        guard interest.organisationId == nil else { return [] }
        return ConflictRules.suggestions(for: interest.organisation, registry: try await context.database.registry())
            .map { "\($0.name) (O-\($0.id))" }
    }

    /// What the audit trail keeps of a new declaration: the personal text only as HMACs.
    @Sendable static func detail(_ interest: Interest) -> AuditDetail {
        var detail = AuditDetail([
            "kind": .text(interest.kind.rawValue), "organisation": .text(interest.organisation),
            "description": .personal(interest.description), "sensitive": .bool(interest.sensitive),
            "startedOn": .text(interest.startedOn.description), "late": .bool(interest.late),
        ])
        detail.set("value", interest.value.map(AuditDetail.Field.personal))
        detail.set("endedOn", text: interest.endedOn?.description)
        detail.set("organisationId", int: interest.organisationId)
        return detail
    }
}

extension InterestService {
    /// Refuses a change to an interest that is not the caller's: `PermissionDenied` when they may see it,
    /// `NoSuchInterest` when they may not (another member's sensitive one), so that a refusal never tells it exists.
    func refuseUnlessOwn(_ interest: Interest, _ request: Request) throws {
        guard !request.mayTouch(ownedBy: interest.declarant) else { return }
        guard viewer(of: request).maySee(interest) else { throw DomainError.notFound(.interest, id: interest.id) }
        throw DomainError.permissionDenied
    }
}
