/// What an organisation is to the network.
public enum OrganisationKind: String, Sendable, Hashable, CaseIterable {
    /// Member organisations, funders, government bodies, international organisations, other networks, other
    /// NGOs, businesses, and anything else.
    case member, funder, government, international, network, ngo, company, other
}

/// A low, medium or high rating of an organisation's interest in the network's work or its power over it, as a
/// stakeholder map rates them.
public enum StakeLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// From least to most.
    case low, medium, high

    /// 0 for `low` up to 2 for `high`.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    /// Orders `low` before `medium` before `high`.
    public static func < (lhs: StakeLevel, rhs: StakeLevel) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// One organisation of the registry that conflict checks match names against: a member organisation, a funder, a
/// partner.
///
/// Its name and each alias, once normalised (`NameMatching.normalise`), belong to this organisation only.
public struct Organisation: Sendable, Hashable {
    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    /// 1 when created, +1 on every change.
    public var revision: Int
    /// The name as written, such as `Open Society Foundations`.
    public var name: String
    /// Other names it goes by, such as an acronym, in the order given.
    public var aliases: [String]
    /// What it is to the network.
    public var kind: OrganisationKind
    /// How much the organisation cares about the network's work; `nil` when not assessed.
    public var interest: StakeLevel?
    /// How much influence it has over the network; `nil` when not assessed.
    public var power: StakeLevel?
    /// Free text about the organisation.
    public var note: String?
    /// When it was added.
    public var createdAt: Instant
    /// When it last changed.
    public var updatedAt: Instant

    /// An organisation from its fields.
    public init(
        id: Int,
        revision: Int,
        name: String,
        aliases: [String],
        kind: OrganisationKind,
        interest: StakeLevel?,
        power: StakeLevel?,
        note: String?,
        createdAt: Instant,
        updatedAt: Instant
    ) {
        self.id = id
        self.revision = revision
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.interest = interest
        self.power = power
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The normalised name.
    public var normalisedName: String { NameMatching.normalise(name) }

    /// The normalised aliases, in order.
    public var normalisedAliases: [String] { aliases.map(NameMatching.normalise) }

    /// Every name the organisation goes by, its own first.
    public var names: [String] { [name] + aliases }
}

/// The fields of an organisation a caller gives when adding one (`Add`, each row of `Import`), as they came.
public struct OrganisationDraft: Sendable, Hashable {
    /// The name; must hold a letter or a digit.
    public var name: String
    /// Other names; `nil` means none.
    public var aliases: [String]?
    /// One of `OrganisationKind`, as text.
    public var kind: String
    /// `low`, `medium` or `high`.
    public var interest: String?
    /// `low`, `medium` or `high`.
    public var power: String?
    /// Free text.
    public var note: String?

    /// A draft from the fields of a request.
    public init(
        name: String,
        aliases: [String]? = nil,
        kind: String,
        interest: String? = nil,
        power: String? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.interest = interest
        self.power = power
        self.note = note
    }
}

/// The fields an `Update` may change; `nil` leaves a field as it is, an empty `interest`, `power` or `note` clears
/// it, and `aliases` replaces every alias.
public struct OrganisationChanges: Sendable, Hashable {
    /// A new name.
    public var name: String?
    /// The new aliases, replacing all the old ones.
    public var aliases: [String]?
    /// A new kind, as text.
    public var kind: String?
    /// A new interest rating; empty clears it.
    public var interest: String?
    /// A new power rating; empty clears it.
    public var power: String?
    /// A new note; empty clears it.
    public var note: String?

    /// Changes from the fields of a request.
    public init(
        name: String? = nil,
        aliases: [String]? = nil,
        kind: String? = nil,
        interest: String? = nil,
        power: String? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.interest = interest
        self.power = power
        self.note = note
    }

    /// Whether the change touches nothing.
    public var isEmpty: Bool {
        name == nil && aliases == nil && kind == nil && interest == nil && power == nil && note == nil
    }
}
