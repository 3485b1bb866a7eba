import Logging
import RiskCore
import RiskProtocol
import Varlink

/// Turns a call into a response: identify the caller, authorize, then run the method's body, mapping every
/// failure in `ErrorMapping`. The order matters: a caller without the right role learns nothing about the
/// parameters or the records.
struct Dispatcher: Sendable {
    let methods: [String: MethodTable.Body]
    let roles: RoleResolver
    let clock: Clock
    let logger: Logger
    /// Records board members as they are seen; `nil` records nothing.
    let members: MemberTracker?

    init(tables: [MethodTable], roles: RoleResolver, clock: Clock, logger: Logger, members: MemberTracker? = nil) {
        var methods: [String: MethodTable.Body] = [:]
        for table in tables {
            methods.merge(table.bodies) { first, _ in first }
        }
        self.methods = methods
        self.roles = roles
        self.clock = clock
        self.logger = logger
        self.members = members
    }

    func respond(to call: VarlinkCall) async -> VarlinkResponse {
        guard let interface = ProtocolInterface(rawValue: call.interface) else {
            return .error(.interfaceNotFound(call.interface))
        }
        let caller = roles.caller(uid: call.peer.uid)
        let access = Self.access(to: call.method, roles: caller.roles)
        guard access != .denied else { return .error(refusal(of: call.method, to: caller).error) }
        guard let body = methods[call.method] else { return .error(.methodNotImplemented(call.method)) }
        let now = clock.now()
        let request = Request(
            caller: caller,
            access: access,
            method: call.method,
            now: now,
            today: clock.localDate(now)
        )
        await members?.note(caller, now: now, today: request.today)
        do {
            return try await body(call, request)
        } catch {
            return .error(
                ErrorMapping.varlinkError(
                    for: error,
                    interface: interface,
                    method: call.method,
                    refusal: refusal(of: call.method, to: caller),
                    logger: logger
                )
            )
        }
    }

    /// The refusal of `method` to `caller` in people's words: what they tried, who may and which group gives that
    /// (from the access lists in force), and what they are.
    func refusal(of method: String, to caller: Caller) -> PermissionRefusal {
        let groups = Dictionary(uniqueKeysWithValues: roles.groups().map { (MethodRole($0.key), $0.value) })
        return PermissionRefusal(
            method: method,
            groups: groups,
            user: caller.user,
            roles: caller.roles.map(MethodRole.init)
        )
    }

    /// The widest access any of `roles` gives to `method` (`interface.Method`), from the method's `Roles:` line
    /// (`ProtocolCatalog.policies`). A method with no policy is denied to everyone.
    static func access(to method: String, roles: Set<Role>) -> Access {
        guard let policy = ProtocolCatalog.policies[method] else { return .denied }
        if policy.anyone { return .allowed }
        var widest = Access.denied
        for role in roles {
            if let scope = policy.grants[MethodRole(role)] { widest = max(widest, Access(scope)) }
        }
        return widest
    }
}

extension MethodRole {
    /// The protocol's name of a configured role.
    init(_ role: Role) {
        switch role {
        case .admin: self = .admin
        case .board: self = .board
        case .auditor: self = .auditor
        case .mailer: self = .mailer
        }
    }
}

extension Access {
    /// What a role's scope in a `Roles:` line lets the service do: `own`, `self` and `visible` all leave the
    /// record-by-record decision to the service.
    init(_ scope: RoleScope) {
        switch scope {
        case .every: self = .allowed
        case .own, .caller, .visible: self = .ownRecords
        }
    }
}
