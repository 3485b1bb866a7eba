import RiskCore

/// The filters of `interest.List`, already validated, and who is reading.
public struct InterestQuery: Sendable, Hashable {
    /// Only the interests this viewer may see.
    public var viewer: InterestViewer
    /// Only interests of this user.
    public var declarant: String?
    /// `true`: only interests active on `today`; `false`: only ended ones.
    public var active: Bool?
    /// Only interests whose normalised organisation is one of these, or that are linked to `organisationId`.
    public var organisationNames: [String]?
    /// See `organisationNames`.
    public var organisationId: Int?
    /// The daemon's local date, for `active`.
    public var today: CalendarDate
    /// The most interests to return.
    public var limit: Int
    /// Only ids greater than this.
    public var after: Int?
    /// The most bytes the page should take in a reply (`ReplySize.Page`).
    public var budget: Int = ReplySize.pageBytes
    /// Read each interest as its last version at or before this time (those declared later are absent); nil: as
    /// it is now. `today` should then be the day of that time.
    public var asOf: Instant?

    /// A query from its filters.
    public init(
        viewer: InterestViewer,
        declarant: String? = nil,
        active: Bool? = nil,
        organisationNames: [String]? = nil,
        organisationId: Int? = nil,
        today: CalendarDate,
        limit: Int = 100,
        after: Int? = nil
    ) {
        self.viewer = viewer
        self.declarant = declarant
        self.active = active
        self.organisationNames = organisationNames
        self.organisationId = organisationId
        self.today = today
        self.limit = limit
        self.after = after
    }
}
