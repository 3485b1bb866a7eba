/// Everything the review rules read, taken from one consistent read of the database.
///
/// The rules see facts, not rows: the daemon builds this from the store, the tests build it by hand.
public struct ReviewSnapshot: Sendable, Hashable {
    /// Risks that are not closed.
    public var risks: [Risk]
    /// Actions that are still open, of risks that are not closed.
    public var openActions: [Action]
    /// Active declarations.
    public var interests: [InterestFacts]
    /// Board members and past declarants.
    public var members: [MemberFacts]
    /// The code of ethics in force, if one was published.
    public var code: CodeFacts?
    /// The board's appetite per category: the highest score tolerated.
    public var appetites: [String: Int]
    /// Meetings not closed that have a recusal with no action recorded.
    public var unrecordedMeetings: [MeetingFacts]
    /// The open concerns, by id, with the day each was raised.
    public var openConcerns: [ConcernFacts]
    /// The mails the MTA returned (state bounced).
    public var bouncedMails: [BouncedMailFacts]
    /// The people riskd had notices for and still has no address for (mail enabled).
    public var unaddressed: [UnaddressedFacts]

    public init(
        risks: [Risk] = [],
        openActions: [Action] = [],
        interests: [InterestFacts] = [],
        members: [MemberFacts] = [],
        code: CodeFacts? = nil,
        appetites: [String: Int] = [:],
        unrecordedMeetings: [MeetingFacts] = [],
        openConcerns: [ConcernFacts] = [],
        bouncedMails: [BouncedMailFacts] = [],
        unaddressed: [UnaddressedFacts] = []
    ) {
        self.unaddressed = unaddressed
        self.bouncedMails = bouncedMails
        self.openConcerns = openConcerns
        self.risks = risks
        self.openActions = openActions
        self.interests = interests
        self.members = members
        self.code = code
        self.appetites = appetites
        self.unrecordedMeetings = unrecordedMeetings
    }
}

/// What the rules need of an open concern: its id and the day it was raised, nothing of what it says.
public struct ConcernFacts: Sendable, Hashable {
    public var id: Int
    public var raisedOn: CalendarDate

    public init(id: Int, raisedOn: CalendarDate) {
        self.id = id
        self.raisedOn = raisedOn
    }
}

/// What the rules need of a meeting that is not closed: its day, and how many recusals have no action.
public struct MeetingFacts: Sendable, Hashable {
    public var id: Int
    public var date: CalendarDate
    public var unrecorded: Int

    public init(id: Int, date: CalendarDate, unrecorded: Int) {
        self.id = id
        self.date = date
        self.unrecorded = unrecorded
    }
}

/// What the rules need of an active declaration.
public struct InterestFacts: Sendable, Hashable {
    public var id: Int
    public var declarant: String
    public var declaredOn: CalendarDate
    /// Whether an administrator recorded a management plan.
    public var managed: Bool
    /// What a gift is worth, as declared (its `value`); `nil` for the other kinds.
    public var gift: String?
    /// The organisation as declared.
    public var organisation: String
    /// Whether the declaration is sensitive: a finding about it does not quote its organisation.
    public var sensitive: Bool
    /// Whether the declared organisation is, once folded, the name or an alias of a registry organisation now (the
    /// rule by which a declaration is linked to the registry).
    public var listed: Bool

    public init(
        id: Int,
        declarant: String,
        declaredOn: CalendarDate,
        managed: Bool,
        gift: String? = nil,
        organisation: String = "",
        sensitive: Bool = false,
        listed: Bool = true
    ) {
        self.id = id
        self.declarant = declarant
        self.declaredOn = declaredOn
        self.managed = managed
        self.gift = gift
        self.organisation = organisation
        self.sensitive = sensitive
        self.listed = listed
    }
}

/// What the rules need of a member.
public struct MemberFacts: Sendable, Hashable {
    public var user: String
    /// Whether the user holds the board role now (only they are asked to confirm and acknowledge).
    public var onBoard: Bool
    public var firstSeenOn: CalendarDate
    public var lastConfirmedOn: CalendarDate?
    /// The code versions the member acknowledged.
    public var acknowledgedVersions: Set<Int>
    /// Whether the member's latest confirmation is signed with their own SSH key (the board pack says so); false
    /// where no one needs to know (the review rules).
    public var lastConfirmationSigned: Bool

    public init(
        user: String,
        onBoard: Bool,
        firstSeenOn: CalendarDate,
        lastConfirmedOn: CalendarDate?,
        acknowledgedVersions: Set<Int>,
        lastConfirmationSigned: Bool = false
    ) {
        self.lastConfirmationSigned = lastConfirmationSigned
        self.user = user
        self.onBoard = onBoard
        self.firstSeenOn = firstSeenOn
        self.lastConfirmedOn = lastConfirmedOn
        self.acknowledgedVersions = acknowledgedVersions
    }
}

/// The current code of ethics.
public struct CodeFacts: Sendable, Hashable {
    public var version: Int
    public var publishedOn: CalendarDate

    public init(version: Int, publishedOn: CalendarDate) {
        self.version = version
        self.publishedOn = publishedOn
    }
}

/// The thresholds of the rules (`[review]`, `[risk]`, `[interests]`, `[ethics]`).
public struct ReviewPolicy: Sendable, Hashable {
    public var scoring: ScoringPolicy
    /// Days between confirmations of a member's declarations.
    public var confirmEveryDays: Int
    /// Days a new member has for a first confirmation.
    public var firstConfirmationDays: Int
    /// Days a declaration may stay without a management plan.
    public var unmanagedAfterDays: Int
    /// Days a member has to acknowledge a newly published code (or after joining).
    public var acknowledgeWithinDays: Int
    /// Days between reminders of an open, unacknowledged finding.
    public var remindEveryDays: Int
    /// The limits for gifts (`interest-gift-over-limit`).
    public var gifts: GiftLimits

    public init(
        scoring: ScoringPolicy = .standard,
        confirmEveryDays: Int = 365,
        firstConfirmationDays: Int = 28,
        unmanagedAfterDays: Int = 30,
        acknowledgeWithinDays: Int = 30,
        remindEveryDays: Int = 7,
        gifts: GiftLimits = GiftLimits()
    ) {
        self.gifts = gifts
        self.scoring = scoring
        self.confirmEveryDays = confirmEveryDays
        self.firstConfirmationDays = firstConfirmationDays
        self.unmanagedAfterDays = unmanagedAfterDays
        self.acknowledgeWithinDays = acknowledgeWithinDays
        self.remindEveryDays = remindEveryDays
    }
}
