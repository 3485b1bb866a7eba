import RiskCore
import RiskStore
import Varlink

/// What a method body gets besides its parameters: who called, what the permission table allows them here, and
/// the time of the call (read once, so one call sees one "now").
struct Request: Sendable {
    let caller: Caller
    let access: Access
    let method: String
    let now: Instant
    let today: CalendarDate

    /// The audit identity of a change made by this request.
    var actor: RiskDatabase.Actor {
        RiskDatabase.Actor(user: caller.user, uid: Int(caller.uid), method: method, now: now, today: today)
    }

    /// Whether the caller may touch a record owned by `owner` (admins always; `ownRecords` only their own).
    func mayTouch(ownedBy owner: String) -> Bool {
        access == .allowed || caller.user == owner
    }
}

/// The implemented methods of one interface, each bound to its typed parameters and reply.
struct MethodTable: Sendable {
    typealias Body = @Sendable (VarlinkCall, Request) async throws -> VarlinkResponse

    private(set) var bodies: [String: Body] = [:]

    /// Binds `M` to `body`; parameters are decoded (`InvalidParameter` on shape errors) before `body` runs.
    ///
    /// `M.work`, from the method's `# Work:` line, decides where it runs: `short` on the event loop of the
    /// connection, with no thread hop; `long` (it scans the database or grows with it: a review run, an import, a
    /// backup) on Swift's global executor, so the connections sharing its event loop are not held up.
    mutating func on<M: VarlinkMethod>(
        _ method: M.Type,
        _ body: @escaping @Sendable (M.Parameters, Request) async throws -> M.Reply
    ) {
        let run: Body = { call, request in
            let parameters = try call.decodeParameters(M.Parameters.self)
            return try .reply(try await body(parameters, request))
        }
        bodies[M.qualifiedName] = Self.placed(run, work: M.work)
    }

    /// Binds `M` to a body that answers with its own response (a stream for `more`).
    mutating func onStreaming<M: VarlinkMethod>(_ method: M.Type, _ body: @escaping Body) {
        bodies[M.qualifiedName] = body
    }

    private static func placed(_ body: @escaping Body, work: MethodWork) -> Body {
        switch work {
        case .short:
            return body
        case .long:
            return { call, request in
                try await withTaskExecutorPreference(globalConcurrentExecutor) { try await body(call, request) }
            }
        }
    }
}
