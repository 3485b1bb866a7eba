import RiskProtocol

/// Words what riskd asks of a caller for a method, to explain a `PermissionDenied`.
///
/// The daemon decides; both read the same generated table (`ProtocolCatalog.policies`, from each method's
/// `Roles:` line), so the explanation cannot drift from the decision.
enum RolePolicy {
    /// What a caller needs to call `method`, worded to follow "needs".
    static func requirement(of method: String?) -> String {
        guard let method, let policy = ProtocolCatalog.policies[method] else { return "a role you do not hold" }
        if policy.anyone { return "no role" }
        let grants = policy.grants.sorted { rank($0.key) < rank($1.key) }
        let everywhere = grants.filter { $0.value == .every }.map(\.key)
        let limited = grants.filter { $0.value != .every }
        var parts: [String] = []
        if !everywhere.isEmpty { parts.append("the \(list(everywhere.map(\.rawValue))) role") }
        for (role, scope) in limited { parts.append("the \(role.rawValue) role \(limitation(scope))") }
        return parts.joined(separator: ", or ")
    }

    private static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The order roles are named in: the widest first.
    private static func rank(_ role: MethodRole) -> Int {
        switch role {
        case .admin: 0
        case .board: 1
        case .auditor: 2
        case .mailer: 3
        }
    }

    private static func limitation(_ scope: RoleScope) -> String {
        switch scope {
        case .every: ""
        case .own: "for your own records"
        case .caller: "(it always acts for you)"
        case .visible: "for the records you may see"
        }
    }
}
