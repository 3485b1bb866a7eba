import RiskCore
import RiskStore

extension DaemonContext {
    /// `accounts` with every role each holds now, as the access lists in force give them (`RoleResolver`), so that
    /// what riskd sees of the board records the other roles of its members too (`role_span`); as they are when the
    /// context has no resolver.
    func withRoles(_ accounts: [RiskDatabase.BoardAccount]) -> [RiskDatabase.BoardAccount] {
        guard let roles else { return accounts }
        return accounts.map { account in
            var account = account
            account.roles = roles.caller(uid: UInt32(clamping: account.uid)).roles
            return account
        }
    }
}
