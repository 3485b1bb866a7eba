/// The paging rules shared by every list method: `limit` defaults to 100 and may be at most 1000; `after` is the
/// last id seen and must be positive.
public enum Paging {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000

    /// The limit to use for a requested one.
    public static func limit(_ requested: Int?) throws(DomainError) -> Int {
        guard let requested else { return defaultLimit }
        guard (1...maximumLimit).contains(requested) else {
            throw .invalidValue("limit", "must be between 1 and \(maximumLimit), not \(requested)")
        }
        return requested
    }

    /// Checks an `after` cursor.
    public static func after(_ requested: Int?) throws(DomainError) -> Int? {
        guard let requested else { return nil }
        guard requested >= 0 else { throw .invalidValue("after", "must not be negative, not \(requested)") }
        return requested
    }
}
