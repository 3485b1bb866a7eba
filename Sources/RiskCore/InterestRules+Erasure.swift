/// Erasing the personal text of a declaration: on request (`interest.Erase`) and, once an ended interest's retention
/// has run out, by the daily review.
///
/// Erasure empties the description, the value and the management plan and marks the interest `erased`; who
/// declared it, the kind, the organisation and the dates stay, so that conflict checks, recusals and the audit
/// trail (which never held the text, only its keyed hash) still read. It cannot reach copies made before it: a
/// backup taken earlier, or text a person pasted elsewhere.
extension InterestRules {
    /// `interest` with its personal text erased; refused when it already is, or without a reason.
    public static func erase(_ interest: Interest, reason: String) throws(DomainError) -> Interest {
        guard !interest.erased else { throw .invalidValue("id", "interest I-\(interest.id) is already erased") }
        _ = try FieldRules.requiredText(reason, field: "reason", limit: TextLimits.long)
        return erased(interest)
    }

    /// `interest` with its personal text erased, whatever its state (the daily review's erasure).
    public static func erased(_ interest: Interest) -> Interest {
        var erased = interest
        erased.description = ""
        erased.value = interest.value == nil ? nil : ""
        erased.managementPlan = interest.managementPlan == nil ? nil : ""
        erased.erased = true
        erased.revision += 1
        return erased
    }

    /// The last day an interest that ended on `endedOn` keeps its text: `retainDays` days after its end. The daily
    /// review of the next day erases it.
    public static func lastRetainedDay(endedOn: CalendarDate, retainDays: Int) -> CalendarDate {
        endedOn.adding(days: retainDays)
    }

    /// Refuses a change to an erased interest: its text is gone, and a change would bring text back under it.
    public static func changeable(_ interest: Interest) throws(DomainError) {
        guard !interest.erased else { throw .invalidValue("id", "interest I-\(interest.id) was erased") }
    }
}
