/// Where a treatment action stands.
public enum ActionStatus: String, Sendable, Hashable, CaseIterable {
    case open, done, cancelled
}

/// A treatment action of a risk: who does what by when.
public struct Action: Sendable, Hashable {
    public var id: Int
    public var revision: Int
    public var riskId: Int
    public var description: String
    public var owner: String
    public var dueOn: CalendarDate
    public var status: ActionStatus
    public var completedAt: Instant?

    public init(
        id: Int,
        revision: Int,
        riskId: Int,
        description: String,
        owner: String,
        dueOn: CalendarDate,
        status: ActionStatus,
        completedAt: Instant?
    ) {
        self.id = id
        self.revision = revision
        self.riskId = riskId
        self.description = description
        self.owner = owner
        self.dueOn = dueOn
        self.status = status
        self.completedAt = completedAt
    }

    /// Whether the action is still open after its due date.
    public func isOverdue(today: CalendarDate) -> Bool {
        status == .open && dueOn < today
    }
}

/// The life of an action as pure functions.
public enum ActionRules {
    /// A new open action of `risk`; `id` is assigned by the store.
    public static func create(
        riskId: Int,
        description: String,
        owner: String,
        dueOn: String
    )
        throws(DomainError) -> Action
    {
        let text = try FieldRules.requiredText(description, field: "description", limit: TextLimits.long)
        let owner = try FieldRules.requiredText(owner, field: "owner")
        let due = try FieldRules.date(dueOn, field: "dueOn")
        return Action(
            id: 0,
            revision: 1,
            riskId: riskId,
            description: text,
            owner: owner,
            dueOn: due,
            status: .open,
            completedAt: nil
        )
    }

    /// The action with a new status, due date, owner or text. Marking it done records `now` as its completion.
    public static func update(
        _ action: Action,
        status: ActionStatus?,
        dueOn: String?,
        owner: String?,
        description: String? = nil,
        note: String?,
        now: Instant
    ) throws(DomainError) -> Action {
        if let note { _ = try FieldRules.optionalText(note, field: "note") }
        var updated = action
        if let description {
            updated.description = try FieldRules.requiredText(description, field: "description", limit: TextLimits.long)
        }
        if let owner { updated.owner = try FieldRules.requiredText(owner, field: "owner") }
        if let dueOn { updated.dueOn = try FieldRules.date(dueOn, field: "dueOn") }
        if let status {
            updated.status = status
            updated.completedAt = status == .done ? (action.status == .done ? action.completedAt : now) : nil
        }
        updated.revision += 1
        return updated
    }

    /// An open action cancelled because its risk was closed: a change of its own, as a cancellation by hand.
    public static func cancelledWithRisk(_ action: Action) -> Action {
        var cancelled = action
        cancelled.status = .cancelled
        cancelled.revision += 1
        return cancelled
    }
}
