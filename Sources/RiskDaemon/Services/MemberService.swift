import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.member`: the board as it is now (the users the board role names, through NSS) and everyone who ever
/// declared, with where each stands: last confirmation, next one due, code acknowledged, active interests.
///
/// Administrators and auditors see every member; a board member sees only themselves.
struct MemberService {
    let context: DaemonContext
    /// Gives each member's roles now.
    let roles: RoleResolver
    /// The accounts that hold the board role now; NSS by default, a table in tests.
    let boardAccounts: @Sendable ([Identity]) -> [RiskDatabase.BoardAccount]

    init(
        context: DaemonContext,
        roles: RoleResolver,
        boardAccounts: @escaping @Sendable ([Identity]) -> [RiskDatabase.BoardAccount] = MemberService.accounts
    ) {
        self.context = context
        self.roles = roles
        self.boardAccounts = boardAccounts
    }

    var methods: MethodTable {
        var table = MethodTable()
        table.on(MemberInterface.List.self) { parameters, request in
            let only = request.access == .allowed ? nil : request.caller.user
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) }
            return .init(members: try await members(only: only, asOf: asOf, request: request))
        }
        table.on(MemberInterface.Get.self) { parameters, request in
            guard request.mayTouch(ownedBy: parameters.user) else { throw DomainError.permissionDenied }
            guard let member = try await members(only: parameters.user, request: request).first else {
                throw DomainError.notFound(.member, key: parameters.user)
            }
            return .init(member: member)
        }
        table.on(MemberInterface.SetContact.self) { parameters, request in
            let user = parameters.user ?? request.caller.user
            guard request.mayTouch(ownedBy: user) else { throw DomainError.permissionDenied }
            guard !user.isEmpty, user.count <= 100, MailText.line(user, limit: 100) == user else {
                throw DomainError.invalidValue("user", "must be a user name or an owner's name on one line")
            }
            let email = try parameters.email.map { try MailAddress($0, field: "email") }
            let charge = context.charge(request, .contactChangesPerDay)
            let now = try await context.database.write(request.actor) { tx in
                try tx.admit(charge)
                try tx.saveContact(user: user, email: email)
                try tx.audit(MemberAudit.subject(user), MemberAudit.contactSet(email))
                return email?.description
            }
            return .init(email: context.configuration.mail.address(of: user, contact: now))
        }
        registerSetName(&table)
        registerKeys(&table)
        registerExport(&table)
        return table
    }

    /// The members (or just `only`), each with their roles and next confirmation date; with `asOf`, the members
    /// of that time as riskd had recorded them (`RiskDatabase.members(asOf:only:)`), named as documents of that
    /// time name them, with the board role and the others riskd saw them hold then (`RiskDatabase.roles(of:asOf:)`).
    func members(only: String?, asOf: Instant? = nil, request: Request) async throws -> [MemberInterface.Member] {
        let configuration = context.configuration
        var policy = configuration.interests.policy
        // Lists the board now first, so that what riskd sees of it now is recorded (`board_span`).
        var found = try await context.database.members(
            board: context.withRoles(boardAccounts(configuration.access.board)),
            only: only,
            now: request.now,
            today: request.today
        )
        var names: [String: String]?
        var held: [String: Set<Role>]?
        if let asOf {
            // The confirmation days then in force (riskd.toml as recorded), so that a past list reads the same
            // after the file changes.
            let then = try await context.documentSettings(asOf: asOf, now: request.now).policy
            policy.firstConfirmationDays = then.firstConfirmationDays
            policy.confirmEveryDays = then.confirmEveryDays
            found = try await context.database.members(asOf: asOf, only: only)
            held = try await context.database.roles(of: found.map(\.user), asOf: asOf)
            names = try await PeopleNames.of(
                Set(found.map(\.user)),
                asOf: asOf,
                now: request.now,
                in: context.database
            )
        }
        let localDate = context.clock.localDate
        return found.map { member in
            let account = roles.caller(uid: UInt32(clamping: member.uid))
            let rolesNow = account.user == member.user ? account.roles : []
            return MemberInterface.Member(
                member,
                roles: held.map { Set([.board]).union($0[member.user] ?? []) } ?? rolesNow,
                confirmationDue: member.confirmationDue(
                    policy: policy,
                    localDate: localDate
                ),
                domain: configuration.mail.domain,
                name: names.map { $0[member.user] } ?? PeopleNames.name(of: member.user, set: member.name)
            )
        }
    }

    /// The accounts `identities` name now, through NSS; a name NSS cannot give a uid for is left out unless it is
    /// a number (a `unix-user:UID` without an account).
    @Sendable static func accounts(_ identities: [Identity]) -> [RiskDatabase.BoardAccount] {
        UserDirectory.userNames(of: identities).sorted().compactMap { name in
            guard let uid = UserDirectory.uid(ofUser: name) ?? UInt32(name) else { return nil }
            return RiskDatabase.BoardAccount(user: name, uid: Int(uid))
        }
    }
}
