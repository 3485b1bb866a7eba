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
