import Varlink

/// A `PermissionDenied` in people's words: what the caller tried, who may do it and which group gives that, and
/// what the caller is. "adding a risk is for the secretariat (group riskd-admin); you are ana: board member".
///
/// Every part comes from the generated catalog (the method's `Does:` and `Roles:` lines) and from the daemon's
/// access lists, so no command words its own refusal. riskd sends the sentence and its parts as the optional
/// parameters of `org.varlink.service.PermissionDenied`; riskctl prints the sentence, or words one from its own
/// catalog when an older riskd sent none.
public struct PermissionRefusal: Sendable, Hashable {
    /// One role that may call the method.
    public struct Grant: Sendable, Hashable {
        /// The role.
        public var role: MethodRole
        /// How much of the method the role may use.
        public var scope: RoleScope
        /// The groups whose members hold the role, from the daemon's access lists: empty when the lists name users
        /// only, `nil` when they are not known (riskctl wording a refusal by itself).
        public var groups: [String]?

        /// Creates a grant.
        public init(role: MethodRole, scope: RoleScope, groups: [String]?) {
            self.role = role
            self.scope = scope
            self.groups = groups
        }
    }

    /// What the caller tried, from the method's `Does:` line: "adding a risk"; `nil` for a method riskctl or
    /// riskd does not know.
    public var does: String?
    /// Whether the method is open to every caller (`Roles: anyone`) and the daemon refused this one for another
    /// reason, such as a public register that is not public.
    public var anyone: Bool
    /// The roles that may call the method, the widest first.
    public var grants: [Grant]
    /// The caller's login; `nil` when not known.
    public var user: String?
    /// The caller's roles, the widest first; empty for a caller with none.
    public var roles: [MethodRole]

    /// The refusal of `method` (`interface.Method`) to `user` holding `roles`; `groups` are the groups that give each
    /// role, `nil` when not known (the sentence then names none).
    public init(method: String?, groups: [MethodRole: [String]]? = nil, user: String? = nil, roles: [MethodRole] = []) {
        let policy = method.flatMap { ProtocolCatalog.policies[$0] }
        does = policy?.does
        anyone = policy?.anyone ?? false
        grants = (policy?.grants ?? [:]).map { role, scope in
            Grant(role: role, scope: scope, groups: groups.map { $0[role] ?? [] })
        }
        .sorted { Self.rank($0.role) < Self.rank($1.role) }
        self.user = user
        self.roles = roles.sorted { Self.rank($0) < Self.rank($1) }
    }

    /// The same refusal of what a parameter asked for (`doing`), which only `roles` may ask, each on every record:
    /// where the method's `Roles:` line is wider than that parameter allows.
    public func narrowed(doing: String, to roles: Set<MethodRole>) -> PermissionRefusal {
        var refusal = self
        refusal.does = doing
        refusal.anyone = false
        refusal.grants = grants.filter { roles.contains($0.role) }.map { grant in
            Grant(role: grant.role, scope: .every, groups: grant.groups)
        }
        return refusal
    }

    /// The sentence, with no protocol name in it.
    public var sentence: String {
        let what = does ?? "this call"
        var sentence: String
        if anyone || grants.isEmpty {
            sentence = "\(what) is not open to you here"
        } else {
            sentence = "\(what) is for \(Self.list(grants.map(Self.words)))"
        }
        if let user {
            let held = roles.isEmpty ? "no role in riskd" : Self.list(roles.map(Self.member), conjunction: "and")
            sentence += "; you are \(user): \(held)"
        }
        return sentence
    }

    /// The parameters riskd adds to `org.varlink.service.PermissionDenied` (riskd-varlink(7)).
    public var parameters: [String: JSONValue] {
        var parameters: [String: JSONValue] = ["message": .string(sentence)]
        if let does { parameters["does"] = .string(does) }
        if let user { parameters["user"] = .string(user) }
        parameters["roles"] = .array(roles.map { .string($0.rawValue) })
        parameters["may"] = .array(
            grants.map { grant in
                .object([
                    "role": .string(grant.role.rawValue), "scope": .string(grant.scope.rawValue),
                    "groups": grant.groups.map { .array($0.map(JSONValue.string)) } ?? .null,
                ])
            }
        )
        return parameters
    }

    /// The refusal as riskd sends it.
    public var error: VarlinkError {
        VarlinkError(name: VarlinkError.permissionDenied.name, parameters: parameters)
    }

    /// "the secretariat (group riskd-admin)", "board members for their own records (group riskd-board)".
    private static func words(_ grant: Grant) -> String {
        let who =
            switch grant.role {
            case .admin: "the secretariat"
            case .board: "board members"
            case .auditor: "auditors"
            case .mailer: "the mail deliverer"
            }
        let scope =
            switch grant.scope {
            case .every: ""
            case .own: " for their own records"
            case .caller: " for themselves"
            case .visible: " for what they may see"
            }
        // A role the access lists give to users only is held by being named there, which the secretariat does.
        let groups =
            switch grant.groups {
            case nil: ""
            case let groups? where groups.isEmpty: " (named in riskd's access list)"
            case let groups? where groups.count == 1: " (group \(groups[0]))"
            case let groups?: " (groups \(list(groups, conjunction: "or")))"
            }
        return who + scope + groups
    }

    /// What a caller holding `role` is: "board member".
    private static func member(_ role: MethodRole) -> String {
        switch role {
        case .admin: "secretariat"
        case .board: "board member"
        case .auditor: "auditor"
        case .mailer: "mail deliverer"
        }
    }

    /// The order roles are named in: the widest first.
    static func rank(_ role: MethodRole) -> Int {
        switch role {
        case .admin: 0
        case .board: 1
        case .auditor: 2
        case .mailer: 3
        }
    }

    static func list(_ items: [String], conjunction: String = "and") -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
