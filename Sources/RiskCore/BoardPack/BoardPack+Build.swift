extension BoardPack {
    /// How many risks the "highest risks" table holds.
    public static let highestCount = 10

    /// The most rows a list of risks or actions holds; the pack says how many more there are. A board reads the
    /// worst fifty; a register of 100 000 risks with two thirds overdue made a pack of 9 MB without it.
    public static let listLimit = 50

    /// How a pack names people and itself: none of it changes what the pack counts.
    public struct Presentation: Sendable, Hashable {
        /// `[organisation] name`, for the title.
        public var organisation: String?
        /// People's names by login; a login not here is shown as it is.
        public var names: [String: String]
        /// The confidential copy: marked so in its title and on every sensitive row.
        public var confidential: Bool

        public init(organisation: String? = nil, names: [String: String] = [:], confidential: Bool = false) {
            self.organisation = organisation
            self.names = names
            self.confidential = confidential
        }

        /// The name of `user`, or `user` itself.
        public func name(_ user: String) -> String { names[user] ?? user }
    }

    /// The pack `viewer` reads of the register in `facts`, with `agenda` (already read for the viewer or not:
    /// it is withheld here) when a meeting was asked for.
    ///
    /// "Overdue" is the review rules' own test (`ReviewRules`), on the UTC day of `asOf`: a pack of a past day shows
    /// what the review of that day would have found, and its findings are those rules evaluated on the register
    /// as it stood (`findings(_:policy:)`).
    public static func build(
        _ facts: BoardPackFacts,
        policy: ReviewPolicy,
        viewer: InterestViewer,
        agenda: Agenda? = nil,
        presentation: Presentation = Presentation()
    ) -> BoardPack {
        let register = facts.register
        let scoring = policy.scoring
        let today = facts.asOf.utcDate
        let name = presentation.name
        let risks = register.risks.filter { $0.status != .closed }.sorted { $0.id < $1.id }
        var inherent = HeatMap()
        var current = HeatMap()
        for risk in risks {
            inherent.count(likelihood: risk.likelihood, impact: risk.impact)
            current.count(likelihood: risk.currentRating.likelihood, impact: risk.currentRating.impact)
        }
        let byScore = risks.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        let line = { (risk: Risk) in
            RiskLine(
                id: risk.id,
                title: risk.title,
                category: risk.category,
                owner: name(risk.owner),
                score: risk.score,
                band: risk.severity(scoring)
            )
        }
        let aboveAppetite = byScore.compactMap { risk -> AppetiteBreach? in
            guard let appetite = register.appetites[risk.category], risk.score > appetite else { return nil }
            return AppetiteBreach(risk: line(risk), appetite: appetite)
        }
        let highest = byScore.prefix(highestCount).map { risk in
            RankedRisk(risk: line(risk), change: facts.earlierScores[risk.id].map { risk.score - $0 })
        }
        let overdueReviews = risks.filter { $0.isOverdue(today: today) }
            .sorted { ($0.nextReviewDue, $0.id) < ($1.nextReviewDue, $1.id) }
            .map { OverdueReview(risk: line($0), due: $0.nextReviewDue) }
        let open = Set(risks.map(\.id))
        let overdueActions = register.openActions.filter { open.contains($0.riskId) && $0.isOverdue(today: today) }
            .sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
            .map {
                OverdueAction(
                    id: $0.id,
                    riskId: $0.riskId,
                    description: $0.description,
                    owner: name($0.owner),
                    due: $0.dueOn
                )
            }
        let board = register.members.filter(\.onBoard).sorted { (name($0.user), $0.user) < (name($1.user), $1.user) }
        let notAcknowledged = register.code.map { code in
            board.compactMap { member -> MemberDue? in
                guard !member.acknowledgedVersions.contains(code.version) else { return nil }
                let due = ReviewRules.acknowledgementDue(member, code: code, policy: policy)
                return MemberDue(
                    user: member.user,
                    name: name(member.user),
                    due: due,
                    overdue: due < today,
                    never: false
                )
            }
        }
        // The board is sorted by name and unseen holders are added below: only the members here.
        let notConfirmed = ConfirmationStanding.missing(board, unseen: [], policy: policy, day: today).map {
            MemberDue(user: $0.user, name: name($0.user), due: $0.due, overdue: $0.overdue, never: $0.never)
        }
        let seen = Set(board.map(\.user))
        let unseen = facts.unseenBoard.filter { !seen.contains($0) }.sorted { (name($0), $0) < (name($1), $1) }.map {
            MemberDue(user: $0, name: name($0), due: nil, overdue: false, never: true)
        }
        var pack = BoardPack(
            asOf: facts.asOf,
            organisation: presentation.organisation,
            confidential: presentation.confidential,
            boardSize: board.count + unseen.count,
            auditHead: facts.auditHead,
            scoring: scoring,
            inherent: inherent,
            current: current,
            aboveAppetite: Array(aboveAppetite.prefix(listLimit)),
            aboveAppetiteTotal: aboveAppetite.count,
            highest: Array(highest),
            overdueReviews: Array(overdueReviews.prefix(listLimit)),
            overdueReviewsTotal: overdueReviews.count,
            overdueActions: Array(overdueActions.prefix(listLimit)),
            overdueActionsTotal: overdueActions.count,
            findings: findings(facts, policy: policy),
            codeVersion: register.code?.version,
            codePublishedOn: register.code?.publishedOn,
            notAcknowledged: notAcknowledged.map { $0 + unseen } ?? [],
            notConfirmed: notConfirmed + unseen,
            declarations: declarations(facts.declarations, viewer: viewer, presentation: presentation),
            agenda: agenda?.withheld(for: viewer)
        )
        let confirmed = board.filter { $0.lastConfirmedOn != nil }
        pack.confirmed = confirmed.map { name($0.user) }
        pack.signedConfirmations = confirmed.filter(\.lastConfirmationSigned).map { name($0.user) }
        return pack
    }

    /// The findings open at `facts.asOf`: the review rules on the register as it stood then, with the declarations
    /// in force; `meeting-recusal-unrecorded` as stored, since meetings keep no history to evaluate it on.
    static func findings(_ facts: BoardPackFacts, policy: ReviewPolicy) -> [FindingCount] {
        var register = facts.register
        register.interests = facts.declarations.map { interest in
            InterestFacts(
                id: interest.id,
                declarant: interest.declarant,
                declaredOn: interest.declaredAt.utcDate,
                managed: interest.managementPlan != nil,
                gift: interest.kind == .gift ? interest.value : nil
            )
        }
        var counts: [ReviewRule: Int] = [:]
        for observation in ReviewRules.evaluate(register, policy: policy, today: facts.asOf.utcDate)
        where !facts.hiddenSubjects.contains(observation.subject) {
            counts[observation.rule, default: 0] += 1
        }
        for (rule, count) in facts.openFindings {
            if let rule = ReviewRule(rawValue: rule), rule == .meetingRecusalUnrecorded { counts[rule] = count }
        }
        return ReviewRule.allCases.compactMap { rule in
            counts[rule].map { FindingCount(rule: rule.rawValue, title: rule.title, count: $0) }
        }
    }

    /// The declarations as `viewer` reads them, by declarant's name then id.
    static func declarations(
        _ interests: [Interest],
        viewer: InterestViewer,
        presentation: Presentation
    ) -> [Declaration] {
        let name = presentation.name
        return interests.sorted { (name($0.declarant), $0.id) < (name($1.declarant), $1.id) }.map { interest in
            guard viewer.maySee(interest) else {
                return Declaration(
                    id: 0,
                    declarant: name(interest.declarant),
                    sensitive: false,
                    kind: "withheld",
                    organisation: "",
                    startedOn: nil,
                    managed: false,
                    withheld: true
                )
            }
            return Declaration(
                id: interest.id,
                declarant: name(interest.declarant),
                sensitive: interest.sensitive,
                kind: interest.kind.words,
                organisation: interest.organisation,
                startedOn: interest.startedOn,
                managed: interest.managementPlan != nil,
                withheld: false
            )
        }
    }
}
