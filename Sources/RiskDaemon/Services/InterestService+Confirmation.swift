import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// `Confirm` and `Statement`: a board member confirms their register, signed with their own SSH key or not.
    ///
    /// The statement is made from the register in the transaction that records the confirmation
    /// (`AttestationSigning`), so `Statement` and a signed `Confirm` agree only while nothing changed in between.
    func registerConfirmation(_ table: inout MethodTable) {
        table.on(InterestInterface.Confirm.self) { parameters, request in
            let nothingToDeclare = parameters.nothingToDeclare ?? false
            let signing = AttestationSigning(
                .interestConfirmation,
                signature: parameters.signature,
                request: request,
                context: context
            )
            let today = request.today
            let charge = context.charge(request, .confirmationsPerDay)
            let attest = signing.check { facts, name in
                Self.statement(facts, name: name, nothingToDeclare: nothingToDeclare, today: today)
            }
            let confirmed = try await context.database.write(request.actor) { tx in
                try Self.confirm(
                    tx,
                    uid: Int(request.caller.uid),
                    nothingToDeclare: nothingToDeclare,
                    charge: charge,
                    attest: attest
                )
            }
            return .init(confirmation: .init(confirmed.confirmation), fingerprint: confirmed.attestation?.fingerprint)
        }
        table.on(InterestInterface.Statement.self) { parameters, request in
            let nothingToDeclare = parameters.nothingToDeclare ?? false
            let facts = try await context.database.attestationFacts(user: request.caller.user, today: request.today)
            try InterestRules.confirm(nothingToDeclare: nothingToDeclare, active: facts.activeInterests.map(\.id))
            let name = PeopleNames.name(of: facts.user, set: facts.setName)
            return .init(
                text: Self.statement(facts, name: name, nothingToDeclare: nothingToDeclare, today: request.today)
            )
        }
    }

    /// Records that the actor (account `uid`) confirmed their register of interests, after `InterestRules.confirm`
    /// accepted it against their interests active today; records them as a member, and audits it under
    /// `member:<user>`. `attest` checks the signature over the statement of the register as it stands in this
    /// transaction (nil: no signing asked). Refused before anything when it would take them past a budget of
    /// `charge`.
    static func confirm(
        _ tx: StoreTransaction,
        uid: Int,
        nothingToDeclare: Bool,
        charge: BudgetCharge?,
        attest: RiskDatabase.AttestationCheck?
    ) throws -> (confirmation: Confirmation, attestation: Attestation?) {
        let (user, today) = (tx.actor.user, tx.actor.today)
        try tx.admit(charge)
        let active = try tx.activeInterestIds(of: user, on: today)
        try InterestRules.confirm(nothingToDeclare: nothingToDeclare, active: active)
        let confirmation = Confirmation(declarant: user, confirmedAt: tx.actor.now, nothingToDeclare: nothingToDeclare)
        try tx.insertConfirmation(confirmation)
        let attestation = try attest?(tx.attestationFacts(user: user, today: today))
        try tx.noteMember(user, uid: uid)
        if let attestation { try tx.insert(attestation) }
        try tx.audit(
            MemberAudit.subject(user),
            InterestAudit.confirmed(nothingToDeclare: nothingToDeclare, active: active.count, attestation: attestation)
        )
        return (confirmation, attestation)
    }

    /// The statement of a confirmation on `today`.
    static func statement(
        _ facts: RiskDatabase.AttestationFacts,
        name: String?,
        nothingToDeclare: Bool,
        today: CalendarDate
    ) -> String {
        AttestationStatement.interestConfirmation(
            user: facts.user,
            name: name,
            interests: facts.activeInterests,
            nothingToDeclare: nothingToDeclare,
            day: today
        )
    }
}
