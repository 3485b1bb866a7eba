/// A failure of the database itself, as opposed to a refused request (`RiskCore.DomainError`).
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A stored row does not convert to its domain value.
    case corrupt(String)
    /// The database file could not be opened or prepared.
    case unavailable(String)
    /// A backup was not written; any partial file was removed.
    case backupFailed(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "corrupt database row: \(what)"
        case .unavailable(let reason): "database unavailable: \(reason)"
        case .backupFailed(let reason): "backup failed: \(reason)"
        }
    }
}
