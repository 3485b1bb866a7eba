import RiskStore

extension Daemon {
    /// The exit status of a refusal to start: distinct from 1 (a failure) so that `riskd.service` lists it in
    /// `RestartPreventExitStatus=`; restarting cannot fix what needs an administrator to look first.
    public static let refusalExitStatus: Int32 = 69

    /// Whether `error` is a refusal to start — a shortened audit chain, a database path that is not riskd's
    /// database, another riskd holding the database or the socket, another process listening on the socket —
    /// rather than a failure that a restart may cure.
    public static func isStartRefusal(_ error: any Error) -> Bool {
        switch error {
        case is AuditHeadGuard.Refusal, is FileRefusal, is InstanceLock.Held, is SocketInUse,
            is Restore.Refusal:
            true
        default: false
        }
    }
}
