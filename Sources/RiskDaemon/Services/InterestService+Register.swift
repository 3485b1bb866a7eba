import RiskCore
import RiskProtocol
import RiskStore

extension InterestService {
    /// `Register`: the register of interests as the organisation publishes it. Anyone with a role of the register
    /// (admin, board, auditor) may read it, and anyone else (no role, or the mailer's alone) too when
    /// `interests.public_register` is true: it withholds every sensitive entry for every caller, so it holds
    /// nothing a role would hide. Who is on the board, their names and whether they confirmed are part of what the
    /// register publishes.
    ///
    /// Unless the register is public, a board member reads it as `interest.List` lets them: with
    /// `interests.board_sees_register` false, their own entries only (and themselves only among those who have not
    /// confirmed, or in breach), and the reply says so (`ownOnly`) so that no sentence speaks of everyone.
    func registerPublicRegister(_ table: inout MethodTable) {
        table.on(InterestInterface.Register.self) { parameters, request in
            let configuration = context.configuration
            guard !request.caller.roles.subtracting([.mailer]).isEmpty || configuration.interests.publicRegister else {
                throw DomainError.permissionDenied
            }
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) } ?? request.now
            let accounts = MemberService.accounts(configuration.access.board)
            let board = accounts.map(\.user)
            // What riskd sees of the board now is history from now on; the register reads only what was recorded.
            try await context.database.observeBoard(context.withRoles(accounts), at: request.now)
            // riskd.toml as it stood at asOf: the name, the retention and the rules' days then in force.
            let settings = try await context.documentSettings(asOf: asOf, now: request.now)
            let facts = try await context.database.publicRegister(asOf: asOf, retainDays: settings.retainEndedDays)
            let viewer = InterestViewer(
                user: request.caller.user,
                roles: request.caller.roles,
                seesRegister: configuration.interests.boardSeesRegister || configuration.interests.publicRegister
            )
            let shown = { (declarant: String) in viewer.maySee(declarant: declarant, sensitive: false) }
            let register = PublicRegister(
                interests: facts.interests,
                members: facts.members,
                unseenBoard: asOf.utcDate >= request.now.utcDate ? board : [],
                policy: settings.policy,
                day: asOf.utcDate
            )
            let breaches = try await context.database.upheldUndeclaredInterests().filter { concern in
                guard let member = concern.about, shown(member), let closed = concern.closedAt else { return false }
                return closed <= asOf
            }
            var people = Set(register.entries.map(\.declarant)).union(register.unconfirmed.map(\.user))
            people.formUnion(register.confirmed)
            people.formUnion(breaches.compactMap(\.about))
            let names = try await PeopleNames.of(people, asOf: asOf, now: request.now, in: context.database)
            let unconfirmed = register.unconfirmed.filter { shown($0.user) }
                .sorted { (names[$0.user] ?? $0.user, $0.user) < (names[$1.user] ?? $1.user, $1.user) }
            return .init(
                entries: register.entries.filter { shown($0.declarant) }.map { entry in
                    InterestInterface.RegisterEntry(
                        declarant: entry.declarant,
                        kind: entry.kind,
                        organisation: entry.organisation,
                        description: entry.description,
                        startedOn: entry.startedOn.description,
                        endedOn: entry.endedOn?.description,
                        declarantName: names[entry.declarant]
                    )
                },
                notConfirmed: register.notConfirmed.filter(shown),
                breaches: breaches.compactMap { concern in
                    guard let member = concern.about, let closed = concern.closedAt else { return nil }
                    return InterestInterface.Breach(
                        member: member,
                        concernId: concern.id,
                        decidedOn: closed.utcDate.description,
                        memberName: names[member]
                    )
                },
                organisation: settings.organisation,
                boardSize: register.boardSize,
                unconfirmed: unconfirmed.map { standing in
                    InterestInterface.Unconfirmed(
                        member: standing.user,
                        name: names[standing.user],
                        due: standing.due?.description,
                        overdue: standing.overdue,
                        never: standing.never
                    )
                },
                ownOnly: viewer == .boardMember(request.caller.user, seesRegister: false),
                asOf: asOf.description,
                confirmations: register.confirmed.filter(shown)
                    .sorted { (names[$0] ?? $0, $0) < (names[$1] ?? $1, $1) }
                    .map { member in
                        InterestInterface.SignedStanding(
                            member: member,
                            name: names[member],
                            signed: register.signed.contains(member)
                        )
                    }
            )
        }
    }
}
