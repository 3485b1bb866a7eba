/// The life of a declared interest as pure functions: each takes the record, the request and the time, and returns
/// the new record or throws the rule it breaks.
public enum InterestRules {
    /// A new interest of `declarant` (always the caller) declared at `now`; `id` and the link to the registry are
    /// set by the store.
    ///
    /// The interest may not start after `today`; it may end later (a term that runs out) but not before it started.
    /// `joinedOn` is the day the declarant joined the board, when known; lateness counts from it too.
    public static func declare(
        _ draft: InterestDraft,
        declarant: String,
        declarantUID: Int,
        now: Instant,
        today: CalendarDate,
        policy: InterestPolicy,
        joinedOn: CalendarDate? = nil
    )
        throws(DomainError) -> Interest
    {
        let kind = try kind(draft.kind)
        let organisation = try organisationName(draft.organisation)
        let description = try FieldRules.requiredText(
            draft.description,
            field: "description",
            limit: TextLimits.long
        )
        var value: String?
        if let text = draft.value { value = try valueText(text) }
        try policy.gifts.check(kind: kind, value: value)
        let startedOn = try FieldRules.date(draft.startedOn, field: "startedOn")
        guard startedOn <= today else {
            throw .invalidValue("startedOn", "must not lie in the future (today is \(today))")
        }
        var endedOn: CalendarDate?
        if let text = draft.endedOn { endedOn = try end(text, startedOn: startedOn) }
        return Interest(
            id: 0,
            revision: 1,
            declarant: declarant,
            declarantUID: declarantUID,
            kind: kind,
            organisation: organisation,
            organisationId: nil,
            description: description,
            value: value,
            sensitive: draft.sensitive ?? false,
            startedOn: startedOn,
            endedOn: endedOn,
            declaredAt: now,
            late: policy.isLate(startedOn: startedOn, declaredOn: today, joinedOn: joinedOn),
            managementPlan: nil,
            managedBy: nil,
            managedAt: nil
        )
    }

    /// Checks that a member who has `declared` interests on record (ended ones included) may declare one more.
    ///
    /// The cap keeps one member from filling the register (and every conflict check) with declarations; a member
    /// who reaches it asks the secretariat, who can raise `interests.max_declarations_per_member`.
    public static func admitDeclaration(declared: Int, policy: InterestPolicy) throws(DomainError) {
        let maximum = policy.maximumDeclarationsPerMember
        guard declared < maximum else {
            throw .invalidValue(
                "declarant",
                "has \(declared) declarations on record, the most "
                    + "interests.max_declarations_per_member (\(maximum)) allows; ask the secretariat"
            )
        }
    }

    /// The interest with `changes` applied; a gift's new value is checked against `gifts`.
    public static func update(
        _ interest: Interest,
        with changes: InterestChanges,
        gifts: GiftLimits = GiftLimits()
    ) throws(DomainError) -> Interest {
        try changeable(interest)
        guard !changes.isEmpty else {
            throw .invalidValue(
                "id",
                "nothing to change: give a description, value, sensitive, endedOn or organisation"
            )
        }
        var updated = interest
        if let organisation = changes.organisation {
            updated.organisation = try organisationName(organisation)
        }
        if let description = changes.description {
            updated.description = try FieldRules.requiredText(
                description,
                field: "description",
                limit: TextLimits.long
            )
        }
        if let value = changes.value {
            updated.value = try valueText(value)
            try gifts.check(kind: interest.kind, value: updated.value)
        }
        if let sensitive = changes.sensitive { updated.sensitive = sensitive }
        if let text = changes.endedOn {
            updated.endedOn = text.isEmpty ? nil : try end(text, startedOn: interest.startedOn)
        }
        updated.revision += 1
        return updated
    }

    /// The interest ended on `endedOn`; one that already ended before `today` is refused (`update` moves the date).
    public static func end(
        _ interest: Interest,
        endedOn text: String,
        today: CalendarDate
    ) throws(DomainError)
        -> Interest
    {
        try changeable(interest)
        let endedOn = try end(text, startedOn: interest.startedOn)
        if let previous = interest.endedOn, previous < today {
            throw .invalidValue("id", "interest I-\(interest.id) already ended on \(previous)")
        }
        var ended = interest
        ended.endedOn = endedOn
        ended.revision += 1
        return ended
    }

    /// The interest with a management plan recorded by `by` (an administrator) at `now`, replacing any earlier one.
    public static func manage(
        _ interest: Interest,
        plan: String,
        by: String,
        now: Instant
    ) throws(DomainError)
        -> Interest
    {
        try changeable(interest)
        var managed = interest
        managed.managementPlan = try FieldRules.requiredText(plan, field: "plan", limit: TextLimits.long)
        managed.managedBy = by
        managed.managedAt = now
        managed.revision += 1
        return managed
    }

    /// Checks a confirmation: a nil return (`nothingToDeclare`) is refused while the declarant has active
    /// interests, listed by id in `active`.
    public static func confirm(nothingToDeclare: Bool, active: [Int]) throws(DomainError) {
        guard nothingToDeclare, !active.isEmpty else { return }
        let ids = active.map { "I-\($0)" }.joined(separator: ", ")
        let count = active.count == 1 ? "an active interest" : "\(active.count) active interests"
        throw .invalidValue(
            "nothingToDeclare",
            "you have \(count) (\(ids)); end them, or confirm without "
                + "nothingToDeclare"
        )
    }

    /// A declared organisation's name, trimmed; refused when empty or without a letter or digit.
    static func organisationName(_ text: String) throws(DomainError) -> String {
        let organisation = try FieldRules.requiredText(text, field: "organisation")
        guard !NameMatching.normalise(organisation).isEmpty else {
            throw .invalidValue("organisation", "must contain a letter or a digit")
        }
        return organisation
    }

    /// A kind named by its text.
    public static func kind(_ text: String) throws(DomainError) -> InterestKind {
        guard let kind = InterestKind(rawValue: text) else {
            let kinds = InterestKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue("kind", "must be one of \(kinds), not \"\(text)\"")
        }
        return kind
    }

    /// An end date, not before `startedOn`.
    static func end(_ text: String, startedOn: CalendarDate) throws(DomainError) -> CalendarDate {
        let endedOn = try FieldRules.date(text, field: "endedOn")
        guard endedOn >= startedOn else {
            throw .invalidValue("endedOn", "must not lie before the start, \(startedOn)")
        }
        return endedOn
    }

    /// A value trimmed; empty is `nil`.
    static func valueText(_ text: String) throws(DomainError) -> String? {
        let value = FieldRules.trim(try FieldRules.optionalText(text, field: "value", limit: TextLimits.short))
        return value.isEmpty ? nil : value
    }
}
