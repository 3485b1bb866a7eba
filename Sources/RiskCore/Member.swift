/// A member of the board as riskd keeps track of them: someone who held the board role or declared an interest,
/// and where they stand with their declarations.
public struct Member: Sendable, Hashable {
    /// The login name.
    public var user: String
    /// The uid riskd last saw them with.
    public var uid: Int
    /// When riskd first saw them as a member (a call in the board role, a declaration, or the board's list).
    public var firstSeenAt: Instant
    /// When riskd last saw them.
    public var lastSeenAt: Instant
    /// Their latest confirmation of their declarations.
    public var lastConfirmedAt: Instant?
    /// The latest version of the ethical code they acknowledged.
    public var acknowledgedVersion: Int?
    /// Their interests active on the day asked about.
    public var activeInterests: Int
    /// Open review findings about them (`member:<user>`).
    public var openFindings: Int
    /// The address set for them with `member.SetContact`; `nil` when none (mail may still use `mail.domain`).
    public var contact: String?
    /// The name set for them with `member.SetName`; `nil` when none (documents then use the account's full name).
    public var name: String?

    /// A member from their fields.
    public init(
        user: String,
        uid: Int,
        firstSeenAt: Instant,
        lastSeenAt: Instant,
        lastConfirmedAt: Instant?,
        acknowledgedVersion: Int?,
        activeInterests: Int,
        openFindings: Int,
        contact: String? = nil,
        name: String? = nil
    ) {
        self.user = user
        self.uid = uid
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.lastConfirmedAt = lastConfirmedAt
        self.acknowledgedVersion = acknowledgedVersion
        self.activeInterests = activeInterests
        self.openFindings = openFindings
        self.contact = contact
        self.name = name
    }

    /// The day their next confirmation is due; `localDate` gives the daemon's local date of an instant.
    public func confirmationDue(policy: InterestPolicy, localDate: (Instant) -> CalendarDate) -> CalendarDate {
        policy.confirmationDue(firstSeenOn: localDate(firstSeenAt), lastConfirmedOn: lastConfirmedAt.map(localDate))
    }
}
