/// What an audit entry records about a mutation, field by field, and how each field may be kept.
///
/// The store renders it as canonical JSON (keys sorted). Large text is kept as its SHA-256; personal free text of
/// declarations as an HMAC-SHA256 under the database's own key, so the text can be erased later while the chain
/// still verifies.
public struct AuditDetail: Sendable, Hashable {
    /// How one field is recorded.
    public enum Field: Sendable, Hashable {
        case text(String)
        case int(Int)
        case bool(Bool)
        case null
        /// Recorded as `sha256:<hex>`.
        case digest(String)
        /// Recorded as `hmac:<hex>` under the per-database key.
        case personal(String)
    }

    public private(set) var fields: [String: Field] = [:]

    public init() {}

    public init(_ fields: [String: Field]) {
        self.fields = fields
    }

    /// Adds a field; `nil` values are left out.
    public mutating func set(_ key: String, _ field: Field?) {
        fields[key] = field
    }

    /// Adds an optional text field.
    public mutating func set(_ key: String, text: String?) {
        if let text { fields[key] = .text(text) }
    }

    /// Adds an optional integer field.
    public mutating func set(_ key: String, int: Int?) {
        if let int { fields[key] = .int(int) }
    }
}
