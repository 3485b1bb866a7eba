/// What ties a declarant to an organisation.
public enum InterestKind: String, Sendable, Hashable, CaseIterable {
    /// Money ties, a job, a governing seat, funding given or received, a relative's tie, a gift, or another
    /// tie.
    case financial, employment, governance, funding, family, gift, other
}

/// Where a declared interest stands on a given day.
public enum InterestStatus: String, Sendable, Hashable, CaseIterable {
    /// Active, no management plan recorded yet.
    case declared
    /// Active, an administrator recorded how the conflict is handled.
    case managed
    /// It ended before that day.
    case ended
}

/// One interest a board member declared: a tie to an organisation that may conflict with the network's decisions.
///
/// The description, value and management plan are personal text: the audit trail keeps them only as HMACs.
public struct Interest: Sendable, Hashable {
    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    /// 1 when declared, +1 on every change.
    public var revision: Int
    /// The user name of the board member who declared it: always the caller of `Declare`.
    public var declarant: String
    /// The declarant's uid when they declared it.
    public var declarantUID: Int
    /// What ties the declarant to the organisation.
    public var kind: InterestKind
    /// The organisation's name as declared.
    public var organisation: String
    /// The registry's organisation whose name or alias the declared name matched when it was declared.
    public var organisationId: Int?
    /// What the interest is, such as `Member of the managing board`.
    public var description: String
    /// Its worth or amount, as free text.
    public var value: String?
    /// Seen only by the declarant, administrators and auditors.
    public var sensitive: Bool
    /// The day it began.
    public var startedOn: CalendarDate
    /// The day it ended or ends; active until then.
    public var endedOn: CalendarDate?
    /// When it was declared.
    public var declaredAt: Instant
    /// Declared more than `interests.late_after_days` after it started.
    public var late: Bool
    /// How the conflict is handled, as an administrator recorded it.
    public var managementPlan: String?
    /// The administrator who recorded the plan.
    public var managedBy: String?
    /// When the plan was recorded.
    public var managedAt: Instant?
    /// Whether its personal text (description, value, management plan) was erased (`InterestRules.erase`).
    public var erased: Bool

    /// An interest from its fields.
    public init(
        id: Int,
        revision: Int,
        declarant: String,
        declarantUID: Int,
        kind: InterestKind,
        organisation: String,
        organisationId: Int?,
        description: String,
        value: String?,
        sensitive: Bool,
        startedOn: CalendarDate,
        endedOn: CalendarDate?,
        declaredAt: Instant,
        late: Bool,
        managementPlan: String?,
        managedBy: String?,
        managedAt: Instant?,
        erased: Bool = false
    ) {
        self.erased = erased
        self.id = id
        self.revision = revision
        self.declarant = declarant
        self.declarantUID = declarantUID
        self.kind = kind
        self.organisation = organisation
        self.organisationId = organisationId
        self.description = description
        self.value = value
        self.sensitive = sensitive
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.declaredAt = declaredAt
        self.late = late
        self.managementPlan = managementPlan
        self.managedBy = managedBy
        self.managedAt = managedAt
    }

    /// Whether the interest holds on `today`: it has no end, or its end is not before today.
    public func isActive(today: CalendarDate) -> Bool {
        guard let endedOn else { return true }
        return endedOn >= today
    }

    /// Where the interest stands on `today`.
    public func status(today: CalendarDate) -> InterestStatus {
        guard isActive(today: today) else { return .ended }
        return managementPlan == nil ? .declared : .managed
    }

    /// The normalised organisation name, as conflict checks compare it.
    public var normalisedOrganisation: String { NameMatching.normalise(organisation) }
}

/// The fields of an interest a board member gives when declaring it, as they came.
public struct InterestDraft: Sendable, Hashable {
    /// One of `InterestKind`, as text.
    public var kind: String
    /// The organisation's name.
    public var organisation: String
    /// What the interest is.
    public var description: String
    /// Its worth, as free text.
    public var value: String?
    /// `nil` means not sensitive.
    public var sensitive: Bool?
    /// `YYYY-MM-DD`, not after today.
    public var startedOn: String
    /// `YYYY-MM-DD`, not before `startedOn`.
    public var endedOn: String?

    /// A draft from the fields of a request.
    public init(
        kind: String,
        organisation: String,
        description: String,
        value: String? = nil,
        sensitive: Bool? = nil,
        startedOn: String,
        endedOn: String? = nil
    ) {
        self.kind = kind
        self.organisation = organisation
        self.description = description
        self.value = value
        self.sensitive = sensitive
        self.startedOn = startedOn
        self.endedOn = endedOn
    }
}

/// The fields an `Update` may change; `nil` leaves a field as it is, an empty `value` or `endedOn` clears it.
public struct InterestChanges: Sendable, Hashable {
    /// A new description.
    public var description: String?
    /// A new value; empty clears it.
    public var value: String?
    /// A new sensitivity.
    public var sensitive: Bool?
    /// A new end, `YYYY-MM-DD`; empty clears it.
    public var endedOn: String?
    /// A new name of the organisation, such as the registry's spelling of a suggestion; the store links it again.
    public var organisation: String?

    /// Changes from the fields of a request.
    public init(
        description: String? = nil,
        value: String? = nil,
        sensitive: Bool? = nil,
        endedOn: String? = nil,
        organisation: String? = nil
    ) {
        self.description = description
        self.value = value
        self.sensitive = sensitive
        self.endedOn = endedOn
        self.organisation = organisation
    }

    /// Whether the change touches nothing.
    public var isEmpty: Bool {
        description == nil && value == nil && sensitive == nil && endedOn == nil && organisation == nil
    }
}
