import RiskCore

/// The filters of `organisation.List`, already validated.
public struct OrganisationQuery: Sendable, Hashable {
    /// Only organisations of this kind.
    public var kind: OrganisationKind?
    /// Only organisations whose normalised name or an alias contains this normalised text.
    public var text: String?
    /// The most organisations to return.
    public var limit: Int
    /// Only ids greater than this.
    public var after: Int?

    /// A query from its filters.
    public init(kind: OrganisationKind? = nil, text: String? = nil, limit: Int = 100, after: Int? = nil) {
        self.kind = kind
        self.text = text
        self.limit = limit
        self.after = after
    }
}
