/// The rules of the register of interests that the configuration sets (`[interests]`).
public struct InterestPolicy: Sendable, Hashable {
    /// A declaration made more than this many days after the interest started is `late`.
    public var lateAfterDays: Int
    /// A member who never confirmed must first confirm this many days after riskd first saw them.
    public var firstConfirmationDays: Int
    /// Days between a confirmation and the next one due.
    public var confirmEveryDays: Int
    /// Whether board members see each other's entries that are not sensitive.
    public var boardSeesRegister: Bool
    /// The most declarations one member may have on record, ended ones included
    /// (`interests.max_declarations_per_member`).
    public var maximumDeclarationsPerMember: Int
    /// The most organisation names one conflict check may ask about (`interests.max_organisations_per_check`).
    public var maximumOrganisationsPerCheck: Int
    /// The day the register opened (`interests.register_opened_on`, by default the database's first start):
    /// declarations of interests that began earlier count as late only from then.
    public var registerOpenedOn: CalendarDate?
    /// The limits the board set for gifts and hospitality.
    public var gifts: GiftLimits

    /// The policy with these values; the defaults are those of `config/riskd.toml`.
    public init(
        lateAfterDays: Int = 28,
        firstConfirmationDays: Int = 28,
        confirmEveryDays: Int = 365,
        boardSeesRegister: Bool = true,
        maximumDeclarationsPerMember: Int = 100,
        maximumOrganisationsPerCheck: Int = 20,
        registerOpenedOn: CalendarDate? = nil,
        gifts: GiftLimits = GiftLimits()
    ) {
        self.registerOpenedOn = registerOpenedOn
        self.gifts = gifts
        self.lateAfterDays = lateAfterDays
        self.firstConfirmationDays = firstConfirmationDays
        self.confirmEveryDays = confirmEveryDays
        self.boardSeesRegister = boardSeesRegister
        self.maximumDeclarationsPerMember = maximumDeclarationsPerMember
        self.maximumOrganisationsPerCheck = maximumOrganisationsPerCheck
    }

    /// The day a member's next confirmation is due: `confirmEveryDays` after the last one, or
    /// `firstConfirmationDays` after they were first seen when they never confirmed.
    public func confirmationDue(firstSeenOn: CalendarDate, lastConfirmedOn: CalendarDate?) -> CalendarDate {
        if let lastConfirmedOn { return lastConfirmedOn.adding(days: confirmEveryDays) }
        return firstSeenOn.adding(days: firstConfirmationDays)
    }

    /// Whether an interest that started on `startedOn` and is declared on `declaredOn` is declared late: more than
    /// `lateAfterDays` after the latest of its start, the member's joining (`joinedOn`, when known) and the day the
    /// register opened — so an existing board's declarations entered when the register opens are not late.
    public func isLate(startedOn: CalendarDate, declaredOn: CalendarDate, joinedOn: CalendarDate? = nil) -> Bool {
        let from = [startedOn, joinedOn, registerOpenedOn].compactMap { $0 }.max() ?? startedOn
        return from.days(until: declaredOn) > lateAfterDays
    }
}
