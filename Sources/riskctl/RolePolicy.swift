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
        "org.riskd.organisation.Get": anyRole,
        "org.riskd.organisation.List": anyRole,
        "org.riskd.organisation.Add": adminOnly,
        "org.riskd.organisation.Update": adminOnly,
        "org.riskd.organisation.Import": adminOnly,
        "org.riskd.interest.Declare": "the board role (a declaration is always your own)",
        "org.riskd.interest.Confirm": "the board role (a confirmation is always your own)",
        "org.riskd.interest.Update": "the admin role, or to have declared the interest",
        "org.riskd.interest.End": "the admin role, or to have declared the interest",
        "org.riskd.interest.Get": "the admin or auditor role, or to be allowed to see this declaration",
        "org.riskd.interest.List": anyRole,
        "org.riskd.interest.Checks": anyRole,
        "org.riskd.interest.Manage": adminOnly,
        "org.riskd.interest.Check": "the admin or board role",
        "org.riskd.member.List": anyRole,
        "org.riskd.member.Get": "the admin or auditor role, or to ask about yourself",
        "org.riskd.ethics.Current": anyRole,
        "org.riskd.ethics.Get": anyRole,
        "org.riskd.ethics.Versions": anyRole,
        "org.riskd.ethics.Acknowledge": anyRole,
        "org.riskd.ethics.Publish": adminOnly,
        "org.riskd.ethics.Status": reader,
        "org.riskd.review.Run": adminOnly,
        "org.riskd.review.Acknowledge": adminOnly,
        "org.riskd.review.Preview": reader,
        "org.riskd.review.Findings": reader,
        "org.riskd.review.Runs": reader,
        "org.riskd.review.Watch": reader,
    ]

    /// What a caller needs to call `method`, worded to follow "needs".
    static func requirement(of method: String?) -> String {
        method.flatMap { requirements[$0] } ?? "a role you do not hold"
    }
}
