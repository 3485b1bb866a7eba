/// The review rules (docs/architecture.md, riskd(8)) as pure functions of (snapshot, policy, today).
///
/// Each rule yields at most one observation per subject. "Overdue" means the due date is before `today` (the
/// daemon's local date): on the due date itself nothing is raised yet.
public enum ReviewRules {
    /// Every observation that holds on `today`, in a stable order (rule, then subject).
    public static func evaluate(
        _ snapshot: ReviewSnapshot,
        policy: ReviewPolicy,
        today: CalendarDate
    )
        -> [Observation]
    {
        var found: [Observation] = []
        found += snapshot.risks.compactMap { reviewOverdue($0, policy: policy, today: today) }
        let treated = Set(snapshot.openActions.map(\.riskId))
        found += snapshot.risks.compactMap { untreated($0, treated: treated, policy: policy) }
        found += snapshot.risks.compactMap { acceptanceExpired($0, policy: policy, today: today) }
        found += snapshot.risks.compactMap { aboveAppetite($0, appetites: snapshot.appetites) }
        found += snapshot.openActions.compactMap { actionOverdue($0, today: today) }
        found += snapshot.members.compactMap { confirmationOverdue($0, policy: policy, today: today) }
        found += snapshot.interests.compactMap { unmanaged($0, policy: policy, today: today) }
        found += snapshot.interests.compactMap { giftOverLimit($0, gifts: policy.gifts) }
        found += snapshot.interests.compactMap(organisationUnlisted)
        found += snapshot.unrecordedMeetings.compactMap { recusalUnrecorded($0, today: today) }
        found += snapshot.openConcerns.compactMap { concernOpen(id: $0.id, raisedOn: $0.raisedOn, today: today) }
        found += snapshot.bouncedMails.compactMap { mailBounced($0, today: today) }
        found += snapshot.unaddressed.compactMap { mailUnaddressed($0, today: today) }
        if let code = snapshot.code {
            found += snapshot.members.compactMap { unacknowledged($0, code: code, policy: policy, today: today) }
        }
        return found
    }

    /// `meeting-recusal-unrecorded`: the meeting's day has passed and a conflicted member's action is not recorded.
    static func recusalUnrecorded(_ meeting: MeetingFacts, today: CalendarDate) -> Observation? {
        guard meeting.unrecorded > 0, meeting.date < today else { return nil }
        let count = meeting.unrecorded == 1 ? "1 recusal has" : "\(meeting.unrecorded) recusals have"
        return Observation(
            rule: .meetingRecusalUnrecorded,
            subject: "meeting:\(meeting.id)",
            severity: .warning,
            message: "Meeting M-\(meeting.id) of \(meeting.date): \(count) no recorded action; the minutes cannot say "
                + "what the member did"
        )
    }

    /// Days a concern may stay open before the review raises `concern-open`.
    public static let concernOpenDays = 30

    /// `concern-open`: open for more than 30 days. The message names no one and quotes nothing: the journal is read
    /// by more people than may read the concern.
    static func concernOpen(id: Int, raisedOn: CalendarDate, today: CalendarDate) -> Observation? {
        guard raisedOn.adding(days: concernOpenDays) < today else { return nil }
        return Observation(
            rule: .concernOpen,
            subject: "concern:\(id)",
            severity: .warning,
            message: "Concern C-\(id), raised on \(raisedOn), has been open for more than \(concernOpenDays) days"
        )
    }

    static func severity(of risk: Risk, policy: ReviewPolicy) -> FindingSeverity {
        risk.severity(policy.scoring) == .critical ? .critical : .warning
    }

    static func label(_ risk: Risk) -> String {
        "Risk R-\(risk.id) \"\(risk.title)\""
    }

    static func reviewOverdue(_ risk: Risk, policy: ReviewPolicy, today: CalendarDate) -> Observation? {
        guard risk.status != .closed, risk.nextReviewDue < today else { return nil }
        return Observation(
            rule: .riskReviewOverdue,
            subject: "risk:\(risk.id)",
            severity: severity(of: risk, policy: policy),
            message: "\(label(risk)) is overdue for review (due \(risk.nextReviewDue), severity "
                + "\(risk.severity(policy.scoring).rawValue))"
        )
    }

    static func untreated(_ risk: Risk, treated: Set<Int>, policy: ReviewPolicy) -> Observation? {
        let band = risk.severity(policy.scoring)
        guard risk.status == .open || risk.status == .mitigating, band >= .high, !treated.contains(risk.id)
        else { return nil }
        return Observation(
            rule: .riskUntreated,
            subject: "risk:\(risk.id)",
            severity: severity(of: risk, policy: policy),
            message: "\(label(risk)) is \(band.rawValue) and has no open action: add an action or accept the risk"
        )
    }

    /// An acceptance past its date, or one that lapsed and that nobody has dealt with since (`lapsedOn`).
    static func acceptanceExpired(_ risk: Risk, policy: ReviewPolicy, today: CalendarDate) -> Observation? {
        let message: String
        if risk.status == .accepted, let until = risk.acceptedUntil, until < today {
            message = "The acceptance of \(label(risk)) expired on \(until): review it, treat it or accept it again"
        } else if risk.status != .closed, let lapsed = risk.lapsedOn {
            message = "The acceptance of \(label(risk)) lapsed on \(lapsed): review it, treat it or accept it again"
        } else {
            return nil
        }
        return Observation(
            rule: .riskAcceptanceExpired,
            subject: "risk:\(risk.id)",
            severity: severity(of: risk, policy: policy),
            message: message
        )
    }

    /// A risk neither closed nor accepted whose current score is above its category's appetite.
    static func aboveAppetite(_ risk: Risk, appetites: [String: Int]) -> Observation? {
        guard risk.status == .open || risk.status == .mitigating, AppetiteRules.isAbove(risk, appetites: appetites),
            let maxScore = appetites[risk.category]
        else { return nil }
        return Observation(
            rule: .riskAboveAppetite,
            subject: "risk:\(risk.id)",
            severity: .warning,
            message: "\(label(risk)) scores \(risk.score), above the board's appetite of \(maxScore) for "
                + "\(risk.category) risks: treat it, or have the board accept it"
        )
    }

    static func actionOverdue(_ action: Action, today: CalendarDate) -> Observation? {
        guard action.isOverdue(today: today) else { return nil }
        return Observation(
            rule: .actionOverdue,
            subject: "action:\(action.id)",
            severity: .warning,
            message: "Action A-\(action.id) of risk R-\(action.riskId) (owner \(action.owner)) is overdue "
                + "(due \(action.dueOn))"
        )
    }

    /// When `member` must next confirm their declarations (the register's own rule, `InterestPolicy`).
    public static func confirmationDue(_ member: MemberFacts, policy: ReviewPolicy) -> CalendarDate {
        InterestPolicy(firstConfirmationDays: policy.firstConfirmationDays, confirmEveryDays: policy.confirmEveryDays)
            .confirmationDue(firstSeenOn: member.firstSeenOn, lastConfirmedOn: member.lastConfirmedOn)
    }

    public static func confirmationOverdue(
        _ member: MemberFacts,
        policy: ReviewPolicy,
        today: CalendarDate
    )
        -> Observation?
    {
        let due = confirmationDue(member, policy: policy)
        guard member.onBoard, due < today else { return nil }
        let never = member.lastConfirmedOn == nil ? " (never confirmed)" : ""
        return Observation(
            rule: .interestConfirmationOverdue,
            subject: "member:\(member.user)",
            severity: .warning,
            message: "Board member \(member.user) has not confirmed their declarations (due \(due))\(never)"
        )
    }

    static func unmanaged(_ interest: InterestFacts, policy: ReviewPolicy, today: CalendarDate) -> Observation? {
        let due = interest.declaredOn.adding(days: policy.unmanagedAfterDays)
        guard !interest.managed, due < today else { return nil }
        return Observation(
            rule: .interestUnmanaged,
            subject: "interest:\(interest.id)",
            severity: .warning,
            message: "Interest I-\(interest.id) declared by \(interest.declarant) on \(interest.declaredOn) "
                + "has no management plan (due \(due))"
        )
    }

    /// A gift declared as worth more than the refuse limit, until a management plan says what was done with it (given
    /// back, refused, given to the organisation) or the declaration ends. The message names the amount, never the
    /// giver or the description.
    static func giftOverLimit(_ interest: InterestFacts, gifts: GiftLimits) -> Observation? {
        guard !interest.managed, let value = interest.gift, gifts.isOverRefuseLimit(value),
            let amount = gifts.amount(of: value), let limit = gifts.refuseAbove
        else { return nil }
        return Observation(
            rule: .interestGiftOverLimit,
            subject: "interest:\(interest.id)",
            severity: .warning,
            message: "Gift I-\(interest.id) declared by \(interest.declarant) is worth \(gifts.written(amount)), above "
                + "the \(gifts.written(limit)) over which gifts are refused"
        )
    }

    /// `interest-organisation-unlisted`: an active declaration whose organisation is no registry name or alias, so
    /// that a check of the registry's name finds it at best as a possible conflict. Adding the declared spelling as
    /// an alias resolves it. The message quotes the organisation of a declaration that is not sensitive only: the
    /// journal is read by more people than may see a sensitive one.
    static func organisationUnlisted(_ interest: InterestFacts) -> Observation? {
        guard !interest.listed else { return nil }
        let names = interest.sensitive ? "a sensitive declaration's organisation" : "\"\(interest.organisation)\""
        return Observation(
            rule: .interestOrganisationUnlisted,
            subject: "interest:\(interest.id)",
            severity: .notice,
            message: "Interest I-\(interest.id) declared by \(interest.declarant) names \(names), which is neither the "
                + "name nor an alias of an organisation in the registry: add it as an alias, or correct the declaration"
        )
    }

    /// When `member` must have acknowledged the current code.
    public static func acknowledgementDue(
        _ member: MemberFacts,
        code: CodeFacts,
        policy: ReviewPolicy
    )
        -> CalendarDate
    {
        max(code.publishedOn, member.firstSeenOn).adding(days: policy.acknowledgeWithinDays)
    }

    static func unacknowledged(
        _ member: MemberFacts,
        code: CodeFacts,
        policy: ReviewPolicy,
        today: CalendarDate
    )
        -> Observation?
    {
        let due = acknowledgementDue(member, code: code, policy: policy)
        guard member.onBoard, !member.acknowledgedVersions.contains(code.version), due < today else { return nil }
        return Observation(
            rule: .ethicsUnacknowledged,
            subject: "member:\(member.user)",
            severity: .warning,
            message: "Board member \(member.user) has not acknowledged version \(code.version) of the code of ethics "
                + "(due \(due))"
        )
    }
}
