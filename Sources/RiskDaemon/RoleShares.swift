import RiskCore
import Varlink

/// The connection shares of the roles, from `[limits]`: whatever the callers of one role hold, those of another
/// can still connect. Board members, auditors, mailers and administrators are each kept their slots and share the
/// rest; users with no role (who may only ask who they are and read the public register) are kept a small share
/// and may hold no more than it.
enum RoleShares {
    static let administrators = "administrators"
    static let board = "board members"
    static let auditors = "auditors"
    static let mailers = "mailers"
    static let noRole = "users with no role"

    /// The share a caller's connections count in: that of their most trusted role (admin, board, auditor,
    /// mailer), so a board member who also audits is kept a board member's slot.
    static func share(of roles: Set<Role>) -> String {
        if roles.contains(.admin) { return administrators }
        if roles.contains(.board) { return board }
        if roles.contains(.auditor) { return auditors }
        if roles.contains(.mailer) { return mailers }
        return noRole
    }

    static func shares(_ limits: Configuration.Limits) -> [ConnectionShare] {
        [
            ConnectionShare(name: administrators, reserved: limits.adminConnections),
            ConnectionShare(name: board, reserved: limits.boardConnections),
            ConnectionShare(name: auditors, reserved: limits.auditorConnections),
            ConnectionShare(name: mailers, reserved: limits.mailerConnections),
            ConnectionShare(name: noRole, reserved: limits.noRoleConnections, ceiling: limits.noRoleConnections),
        ]
    }
}
