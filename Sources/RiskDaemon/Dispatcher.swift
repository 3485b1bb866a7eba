import Logging
import RiskCore
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
        let caller = roles.caller(uid: call.peer.uid)
        let access = Permissions.access(to: call.method, roles: caller.roles)
        guard access != .denied else { return .error(.permissionDenied) }
        guard let body = methods[call.method] else { return .error(.methodNotImplemented(call.method)) }
        let now = clock.now()
        let request = Request(caller: caller, access: access, method: call.method, now: now,
                              today: clock.localDate(now))
        await members?.note(caller, now: now, today: request.today)
        do {
            return try await body(call, request)
        } catch {
            return .error(ErrorMapping.varlinkError(for: error, interface: call.interface, method: call.method,
                                                    logger: logger))
        }
    }
}
