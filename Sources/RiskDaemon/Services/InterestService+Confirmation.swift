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
            let confirmed = try await context.database.confirmInterests(
                declarant: request.caller.user,
                uid: Int(request.caller.uid),
                nothingToDeclare: nothingToDeclare,
                today: today,
                charge: context.charge(request, .confirmationsPerDay),
                actor: request.actor,
                attest: signing.check { facts, name in
                    Self.statement(facts, name: name, nothingToDeclare: nothingToDeclare, today: today)
                }
            )
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
