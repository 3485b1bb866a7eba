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
            let stored = try await context.database.write(request.actor) { tx in
                let stored = try Self.declare(tx, interest, policy: policy, audit: InterestAudit.declared)
                try MeetingService.addRecusals(tx, for: stored)
                return stored
            }
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
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) }
            let today = asOf.map { $0.utcDate } ?? request.today
            var query = InterestQuery(
                viewer: viewer(of: request),
                declarant: parameters.declarant,
                active: parameters.active,
                today: today,
                limit: try Paging.limit(parameters.limit),
                after: try Paging.after(parameters.after)
            )
            query.asOf = asOf
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
            return .init(interests: page.interests.map { .init($0, today: today) }, next: page.next)
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
            let charge = context.charge(request, .interestChangesPerDay)
            let gifts = context.configuration.interests.policy.gifts
            let interest = try await context.database.write(request.actor) { tx in
                try Self.change(
                    tx,
                    parameters.id,
                    ifRevision: parameters.ifRevision,
                    charge: charge,
                    audit: InterestAudit.updated(changes)
                ) { current in
                    try refuseUnlessOwn(current, request)
                    return try InterestRules.update(current, with: changes, gifts: gifts)
                }
            }
            return .init(
                interest: .init(interest, today: request.today),
                suggestions: try await suggestions(for: interest)
            )
        }
        table.on(InterestInterface.End.self) { parameters, request in
            let today = request.today
            let charge = context.charge(request, .interestChangesPerDay)
            let interest = try await context.database.write(request.actor) { tx in
                try Self.change(
                    tx,
                    parameters.id,
                    ifRevision: nil,
                    charge: charge,
                    audit: InterestAudit.ended(on: parameters.endedOn)
                ) { current in
                    try refuseUnlessOwn(current, request)
                    return try InterestRules.end(current, endedOn: parameters.endedOn, today: today)
                }
            }
            return .init(interest: .init(interest, today: request.today))
        }
        table.on(InterestInterface.Manage.self) { parameters, request in
            let (manager, now) = (request.caller.user, request.now)
            let interest = try await context.database.write(request.actor) { tx in
                try Self.change(
                    tx,
                    parameters.id,
                    ifRevision: parameters.ifRevision,
                    charge: nil,
                    audit: InterestAudit.managed(plan: parameters.plan)
                ) { current in
                    try InterestRules.manage(current, plan: parameters.plan, by: manager, now: now)
                }
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

extension InterestService {
    /// Stores new declaration `interest` (from `InterestRules.declare`), linked to the registry's organisation whose
    /// name or alias matches the declared name, records its declarant as a member, and audits it with `audit`.
    ///
    /// Refused (`InterestRules.admitDeclaration`) when the declarant already has as many declarations on record as
    /// `policy` allows; counted in the same transaction, so concurrent declarations cannot pass the cap together.
    /// The recusals the declaration makes at published meetings are the caller's (`MeetingService.addRecusals`).
    static func declare(
        _ tx: StoreTransaction,
        _ interest: Interest,
        policy: InterestPolicy,
        audit: (Interest) -> AuditDetail
    ) throws -> Interest {
        try InterestRules.admitDeclaration(declared: try tx.declarationCount(of: interest.declarant), policy: policy)
        var linked = interest
        linked.organisationId = try tx.organisationId(named: interest.normalisedOrganisation)
        let stored = try tx.insert(linked)
        try tx.noteMember(stored.declarant, uid: stored.declarantUID)
        try tx.audit(InterestAudit.subject(stored.id), audit(stored))
        return stored
    }

    /// Replaces declaration `id` by `transform(current)` when `ifRevision` (if given) is still current, audits it
    /// with `audit`, and adds the recusals it now makes at published meetings.
    ///
    /// `transform` sees the committed record and may refuse by throwing (a board member touching someone else's
    /// interest): the record's own refusal comes first, so a caller who may not touch it learns nothing of its
    /// revision. Refused before anything when it would take the caller past a budget of `charge`.
    static func change(
        _ tx: StoreTransaction,
        _ id: Int,
        ifRevision: Int?,
        charge: BudgetCharge?,
        audit: AuditDetail,
        transform: (Interest) throws -> Interest
    ) throws -> Interest {
        try tx.admit(charge)
        let current = try tx.interest(id)
        var updated = try transform(current)
        if let ifRevision, ifRevision != current.revision {
            throw DomainError.revisionMismatch(.interest, id: id, current: current.revision)
        }
        if updated.organisation != current.organisation {
            updated.organisationId = try tx.organisationId(named: updated.normalisedOrganisation)
        }
        try tx.save(updated)
        try tx.audit(InterestAudit.subject(id), audit)
        try MeetingService.addRecusals(tx, for: updated)
        return updated
    }
}
