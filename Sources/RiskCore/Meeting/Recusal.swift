/// A member who has to step out of an agenda item because of a declared interest, and what they did.
///
/// The store keeps a reference to the interest; `kind`, `organisation` and `sensitive` are filled from the
/// interest as it is when the recusal is read, and what a reader sees of it is decided then (`MeetingViewer`).
public struct Recusal: Sendable, Hashable {
    /// How the interest came to the item.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        case exact, alias, possible
        case declaredAtMeeting = "declared_at_meeting"

        /// The match of a conflict check.
        public init(_ match: NameMatching.Match) {
            switch match {
            case .exact: self = .exact
            case .alias: self = .alias
            case .possible: self = .possible
            }
        }
    }

    /// What the member did for the item, as CC29 asks the minutes to say.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case leftRoom = "left_room"
        case stayedNoVote = "stayed_no_vote"
        case stayedTookPart = "stayed_took_part"
        case absent
        case notAConflict = "not_a_conflict"
    }

    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    public var meetingId: Int
    public var itemId: Int
    public var declarant: String
    /// 0 when withheld.
    public var interestId: Int
    /// The interest's kind, or `Conflict.withheldKind`.
    public var kind: String
    /// As declared; when withheld, the name the item asked.
    public var organisation: String
    /// The name of the item that matched.
    public var asked: String
    /// Whether the interest is sensitive now.
    public var sensitive: Bool
    public var match: Match
    public var declaredInAdvance: Bool
    public var action: Action?
    public var quorate: Bool?
    public var note: String?
    public var recordedBy: String?
    /// For a `possible` match through a near name: the item's name, or the registry's name of its organisation, that
    /// the declared organisation is a typo away from (`Conflict.closeTo`); `nil` otherwise and when withheld. Read
    /// against the registry when the meeting is read, not stored.
    public var closeTo: String?

    /// Why a near match is a possible conflict, as a check says it (`Conflict.reason`).
    public var reason: String? {
        closeTo.map { "declared as '\(organisation)', close to '\($0)'" }
    }

    /// A recusal from its fields; what is recorded at the meeting starts empty.
    public init(
        id: Int,
        meetingId: Int,
        itemId: Int,
        declarant: String,
        interestId: Int,
        kind: String,
        organisation: String,
        asked: String,
        sensitive: Bool,
        match: Match,
        declaredInAdvance: Bool,
        action: Action? = nil,
        quorate: Bool? = nil,
        note: String? = nil,
        recordedBy: String? = nil
    ) {
        self.id = id
        self.meetingId = meetingId
        self.itemId = itemId
        self.declarant = declarant
        self.interestId = interestId
        self.kind = kind
        self.organisation = organisation
        self.asked = asked
        self.sensitive = sensitive
        self.match = match
        self.declaredInAdvance = declaredInAdvance
        self.action = action
        self.quorate = quorate
        self.note = note
        self.recordedBy = recordedBy
    }

    /// The recusal as someone who may not see its interest reads it: who, how it matched, what they did; kind
    /// `withheld`, the organisation the item asked, no interest id.
    public var withheld: Recusal {
        var copy = self
        copy.interestId = 0
        copy.kind = Conflict.withheldKind
        copy.organisation = asked
        copy.sensitive = true
        copy.closeTo = nil
        return copy
    }
}

/// A meeting with its agenda and recusals, as one reader sees it.
public struct MeetingRecord: Sendable, Hashable {
    public var meeting: Meeting
    public var items: [MeetingItem]
    public var recusals: [Recusal]

    /// A record from its parts.
    public init(meeting: Meeting, items: [MeetingItem], recusals: [Recusal]) {
        self.meeting = meeting
        self.items = items
        self.recusals = recusals
    }

    /// The record as `viewer` reads it: each recusal whose interest the viewer may not see is withheld, never left
    /// out, so that everyone reads who stepped out of what.
    public func viewed(by viewer: InterestViewer) -> MeetingRecord {
        var copy = self
        copy.recusals = recusals.map { Self.viewed($0, by: viewer) }
        return copy
    }

    /// One recusal as `viewer` reads it: withheld unless the viewer may see its interest.
    public static func viewed(_ recusal: Recusal, by viewer: InterestViewer) -> Recusal {
        viewer.maySee(declarant: recusal.declarant, sensitive: recusal.sensitive) ? recusal : recusal.withheld
    }
}
