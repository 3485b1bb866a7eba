/// A role granted through `[access]` in the configuration; a user may hold several.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
    case admin, board, auditor

    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// What a role may do with a method.
public enum Access: Sendable, Hashable, Comparable {
    /// Refused with `PermissionDenied` before the parameters are read.
    case denied
    /// Allowed for the caller's own records only (the risk or action they own, their own declarations, their own
    /// member entry); the service checks the record or filters the list.
    case ownRecords
    /// Allowed.
    case allowed
}

/// The one permission table of riskd: PROTOCOL.md's "Roles and what they may call", keyed by qualified method name.
///
/// `org.varlink.service.*` and `org.riskd.daemon.Whoami` are open to every caller, roles or not. A method missing
/// from the table is denied to everyone, so a new method is closed until someone decides who may call it.
public enum Permissions {
    private static let A: [Role: Access] = [.admin: .allowed]
    private static let readAll: [Role: Access] = [.admin: .allowed, .board: .allowed, .auditor: .allowed]
    private static let adminAndAuditor: [Role: Access] = [.admin: .allowed, .auditor: .allowed]

    static let table: [String: [Role: Access]] = [
        "org.riskd.daemon.Status": readAll,
        "org.riskd.daemon.Backup": A,

        "org.riskd.risk.Get": readAll,
        "org.riskd.risk.List": readAll,
        "org.riskd.risk.Matrix": readAll,
        "org.riskd.risk.Add": A,
        "org.riskd.risk.Update": A,
        "org.riskd.risk.Accept": A,
        "org.riskd.risk.Close": A,
        "org.riskd.risk.Reopen": A,
        "org.riskd.risk.AddAction": A,
        "org.riskd.risk.Import": A,
        "org.riskd.risk.Review": [.admin: .allowed, .board: .ownRecords],
        "org.riskd.risk.UpdateAction": [.admin: .allowed, .board: .ownRecords],

        "org.riskd.organisation.Get": readAll,
        "org.riskd.organisation.List": readAll,
        "org.riskd.organisation.Add": A,
        "org.riskd.organisation.Update": A,
        "org.riskd.organisation.Import": A,

        "org.riskd.interest.Declare": [.board: .ownRecords],
        "org.riskd.interest.Confirm": [.board: .ownRecords],
        "org.riskd.interest.Update": [.admin: .allowed, .board: .ownRecords],
        "org.riskd.interest.End": [.admin: .allowed, .board: .ownRecords],
        "org.riskd.interest.Get": [.admin: .allowed, .board: .ownRecords, .auditor: .allowed],
        "org.riskd.interest.List": [.admin: .allowed, .board: .ownRecords, .auditor: .allowed],
        "org.riskd.interest.Checks": [.admin: .allowed, .board: .ownRecords, .auditor: .allowed],
        "org.riskd.interest.Manage": A,
        "org.riskd.interest.Import": A,
        "org.riskd.interest.Check": [.admin: .allowed, .board: .allowed],

        "org.riskd.ethics.Current": readAll,
        "org.riskd.ethics.Get": readAll,
        "org.riskd.ethics.Versions": readAll,
        "org.riskd.ethics.Acknowledge": readAll,
        "org.riskd.ethics.Publish": A,
        "org.riskd.ethics.Status": adminAndAuditor,

        "org.riskd.member.List": [.admin: .allowed, .board: .ownRecords, .auditor: .allowed],
        "org.riskd.member.Get": [.admin: .allowed, .board: .ownRecords, .auditor: .allowed],

        "org.riskd.review.Run": A,
        "org.riskd.review.Acknowledge": A,
        "org.riskd.review.Preview": adminAndAuditor,
        "org.riskd.review.Findings": adminAndAuditor,
        "org.riskd.review.Runs": adminAndAuditor,
        "org.riskd.review.Watch": adminAndAuditor,

        "org.riskd.audit.Log": adminAndAuditor,
        "org.riskd.audit.Verify": adminAndAuditor,
    ]

    /// Methods every caller may use, whatever their roles.
    static let open: Set<String> = ["org.riskd.daemon.Whoami"]

    /// The widest access any of `roles` gives to `method` (`interface.Method`).
    public static func access(to method: String, roles: Set<Role>) -> Access {
        if open.contains(method) || method.hasPrefix("org.varlink.service.") { return .allowed }
        guard let grants = table[method] else { return .denied }
        return roles.map { grants[$0] ?? .denied }.max() ?? .denied
    }

    /// Every method the table names, for tests that compare it with the interface definitions.
    public static var methods: Set<String> { Set(table.keys).union(open) }
}
