extension BoardPack {
    /// How many risks the "highest risks" table holds.
    public static let highestCount = 10

    /// The most rows a list of risks or actions holds; the pack says how many more there are. A board reads the
    /// worst fifty; a register of 100 000 risks with two thirds overdue made a pack of 9 MB without it.
    public static let listLimit = 50

    /// The pack `viewer` reads of the register in `facts`, with `agenda` (already read for the viewer or not:
    /// it is withheld here) when a meeting was asked for.
    ///
    /// "Overdue" is the review rules' own test (`ReviewRules`), on the UTC day of `asOf`: a pack of a past day shows
    /// what the review of that day would have found.
    public static func build(
        _ facts: BoardPackFacts,
        policy: ReviewPolicy,
        viewer: InterestViewer,
        agenda: Agenda? = nil
    ) -> BoardPack {
        let register = facts.register
        let scoring = policy.scoring
        let today = facts.asOf.utcDate
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
                owner: risk.owner,
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
                OverdueAction(id: $0.id, riskId: $0.riskId, description: $0.description, owner: $0.owner, due: $0.dueOn)
            }
        let board = register.members.filter(\.onBoard).sorted { $0.user < $1.user }
        let notAcknowledged = register.code.map { code in
            board.compactMap { member -> MemberDue? in
                let due = ReviewRules.acknowledgementDue(member, code: code, policy: policy)
                guard !member.acknowledgedVersions.contains(code.version), due < today else { return nil }
                return MemberDue(user: member.user, due: due, never: false)
            }
        }
        let notConfirmed = board.compactMap { member -> MemberDue? in
            let due = ReviewRules.confirmationDue(member, policy: policy)
            guard due < today else { return nil }
            return MemberDue(user: member.user, due: due, never: member.lastConfirmedOn == nil)
        }
        return BoardPack(
            asOf: facts.asOf,
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
            findings: facts.openFindings.sorted { $0.key < $1.key }.map { FindingCount(rule: $0.key, count: $0.value) },
            codeVersion: register.code?.version,
            notAcknowledged: notAcknowledged ?? [],
            notConfirmed: notConfirmed,
            declarations: declarations(facts.declarations, viewer: viewer),
            agenda: agenda?.withheld(for: viewer)
        )
    }

    /// The declarations as `viewer` reads them, by declarant then id.
    static func declarations(_ interests: [Interest], viewer: InterestViewer) -> [Declaration] {
        interests.sorted { ($0.declarant, $0.id) < ($1.declarant, $1.id) }.map { interest in
            guard viewer.maySee(interest) else {
                return Declaration(
                    id: 0,
                    declarant: interest.declarant,
                    kind: "withheld",
                    organisation: "",
                    startedOn: nil,
                    managed: false,
                    withheld: true
                )
            }
            return Declaration(
                id: interest.id,
                declarant: interest.declarant,
                kind: interest.kind.rawValue,
                organisation: interest.organisation,
                startedOn: interest.startedOn,
                managed: interest.managementPlan != nil,
                withheld: false
            )
        }
    }
}
