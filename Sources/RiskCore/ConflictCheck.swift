/// A declared interest that ties a board member to an organisation named in a check.
public struct Conflict: Sendable, Hashable {
    /// The kind a conflict shows instead of the interest's own when the viewer may not see the interest.
    public static let withheldKind = "withheld"

    /// Who has to step out.
    public var declarant: String
    /// The interest; 0 when withheld.
    public var interestId: Int
    /// The interest's kind, or `withheld`.
    public var kind: String
    /// The organisation as declared; when withheld, the name that was asked.
    public var organisation: String
    /// The name of the check that matched.
    public var asked: String
    /// Whether the interest is sensitive now (read from the interest whenever a stored check is read): seen only by
    /// its declarant, administrators and auditors.
    public var sensitive: Bool
    /// How the asked name matched.
    public var match: NameMatching.Match
    /// For a `possible` match through a near name (a typo apart, `NameMatching.isNear`): the name of the check, or
    /// the registry's name of its organisation, that the declared organisation is near; `nil` otherwise and when
    /// withheld.
    public var closeTo: String?

    /// A conflict from its fields.
    public init(
        declarant: String,
        interestId: Int,
        kind: String,
        organisation: String,
        asked: String,
        sensitive: Bool,
        match: NameMatching.Match,
        closeTo: String? = nil
    ) {
        self.declarant = declarant
        self.interestId = interestId
        self.kind = kind
        self.organisation = organisation
        self.asked = asked
        self.sensitive = sensitive
        self.match = match
        self.closeTo = closeTo
    }

    /// Why a near match is a possible conflict, for a person: "declared as 'Western Balcan Fund', close to 'Western
    /// Balkan Fund'"; `nil` unless the match is through a near name.
    public var reason: String? {
        closeTo.map { "declared as '\(organisation)', close to '\($0)'" }
    }

    /// The conflict as someone who may not see the interest reads it: who, and how the asked name matched. It
    /// counts as sensitive, since its interest is hidden.
    public var withheld: Conflict {
        Conflict(
            declarant: declarant,
            interestId: 0,
            kind: Self.withheldKind,
            organisation: asked,
            asked: asked,
            sensitive: true,
            match: match
        )
    }
}

/// A conflict check as stored for the minutes: which organisations a decision concerns, and who declared an
/// interest in one of them.
public struct ConflictCheck: Sendable, Hashable {
    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    /// When the check ran.
    public var at: Instant
    /// The user who ran the check.
    public var by: String
    /// The matter to be decided, such as an agenda item.
    public var matter: String
    /// The names asked, as given.
    public var organisations: [String]
    /// Every conflict found, none withheld: what a viewer reads is decided when it is read (`InterestViewer`).
    /// The store keeps only references to the interests, and fills these from the interests as they are.
    public var conflicts: [Conflict]

    /// A check from its fields.
    public init(id: Int, at: Instant, by: String, matter: String, organisations: [String], conflicts: [Conflict]) {
        self.id = id
        self.at = at
        self.by = by
        self.matter = matter
        self.organisations = organisations
        self.conflicts = conflicts
    }
}
