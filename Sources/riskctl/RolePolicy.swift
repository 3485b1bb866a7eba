/// Which roles riskd asks for each method riskctl calls, to explain a `PermissionDenied`.
///
/// The daemon decides; this copy of the table in the protocol only words the refusal.
enum RolePolicy {
    private static let anyRole = "the admin, board or auditor role"
    private static let adminOnly = "the admin role"
    private static let reader = "the admin or auditor role"

    private static let requirements: [String: String] = [
        "org.riskd.daemon.Status": anyRole,
        "org.riskd.daemon.Backup": adminOnly,
        "org.riskd.risk.Get": anyRole,
        "org.riskd.risk.List": anyRole,
        "org.riskd.risk.Matrix": anyRole,
        "org.riskd.risk.Add": adminOnly,
        "org.riskd.risk.Update": adminOnly,
        "org.riskd.risk.Accept": adminOnly,
        "org.riskd.risk.Close": adminOnly,
        "org.riskd.risk.Reopen": adminOnly,
        "org.riskd.risk.AddAction": adminOnly,
        "org.riskd.risk.Import": adminOnly,
        "org.riskd.risk.Review": "the admin role, or to own the risk",
        "org.riskd.risk.UpdateAction": "the admin role, or to own the action",
        "org.riskd.audit.Log": reader,
        "org.riskd.audit.Verify": reader,
    ]

    /// What a caller needs to call `method`, worded to follow "needs".
    static func requirement(of method: String?) -> String {
        method.flatMap { requirements[$0] } ?? "a role you do not hold"
    }
}
