/// A board meeting: a draft, then published (its decision items checked for conflicts), then closed; or cancelled
/// at any time before it is closed.
public struct Meeting: Sendable, Hashable {
    /// Where a meeting stands; nothing of a closed or a cancelled meeting changes.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, published, closed, cancelled
    }

    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    /// Grows by 1 with every change of the meeting, its items or its recusals.
    public var revision: Int
    public var title: String
    /// The day the board meets.
    public var date: CalendarDate
    public var status: Status
    public var createdBy: String
    public var publishedAt: Instant?
    public var closedAt: Instant?
    /// When it was cancelled; `nil` unless cancelled.
    public var cancelledAt: Instant?
    /// Why it was cancelled, as the secretariat said it; `nil` unless cancelled.
    public var cancelReason: String?

    /// A meeting from its fields.
    public init(
        id: Int,
        revision: Int,
        title: String,
        date: CalendarDate,
        status: Status,
        createdBy: String,
        publishedAt: Instant? = nil,
        closedAt: Instant? = nil,
        cancelledAt: Instant? = nil,
        cancelReason: String? = nil
    ) {
        self.id = id
        self.revision = revision
        self.title = title
        self.date = date
        self.status = status
        self.createdBy = createdBy
        self.publishedAt = publishedAt
        self.closedAt = closedAt
        self.cancelledAt = cancelledAt
        self.cancelReason = cancelReason
    }
}

/// An item of a meeting's agenda.
public struct MeetingItem: Sendable, Hashable {
    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    public var meetingId: Int
    /// 1, 2, … in the order items were added.
    public var number: Int
    public var title: String
    /// The organisations the decision concerns, as given.
    public var organisations: [String]
    /// Only decision items are checked for conflicts.
    public var decision: Bool
    /// The stored conflict check of the item, once checked.
    public var checkId: Int?

    /// An item from its fields.
    public init(
        id: Int,
        meetingId: Int,
        number: Int,
        title: String,
        organisations: [String],
        decision: Bool,
        checkId: Int? = nil
    ) {
        self.id = id
        self.meetingId = meetingId
        self.number = number
        self.title = title
        self.organisations = organisations
        self.decision = decision
        self.checkId = checkId
    }

    /// Whether the item is checked for conflicts: a decision that names organisations.
    public var isChecked: Bool { decision && !organisations.isEmpty }
}
