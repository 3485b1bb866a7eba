import RiskCore
import Testing

/// Builds the values the board pack tests share: a register as of 2026-12-15.
enum BoardPackFixture {
    static let asOf = Instant(rfc3339: "2026-12-15T12:00:00Z")!
    static let today = CalendarDate("2026-12-15")!

    static func risk(
        _ id: Int,
        _ title: String = "Risk",
        category: String = "governance",
        rating: (Int, Int),
        residual: (Int, Int)? = nil,
        status: RiskStatus = .open,
        due: String = "2027-06-01"
    ) -> Risk {
        Risk(
            id: id,
            revision: 1,
            title: title,
            description: "",
            category: category,
            area: nil,
            owner: "secretariat",
            likelihood: rating.0,
            impact: rating.1,
            residualLikelihood: residual?.0,
            residualImpact: residual?.1,
            status: status,
            acceptedUntil: nil,
            closeReason: nil,
            nextReviewDue: CalendarDate(due)!,
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: asOf,
            updatedAt: asOf
        )
    }

    static func interest(_ id: Int, _ declarant: String, _ organisation: String, sensitive: Bool = false) -> Interest {
        Interest(
            id: id,
            revision: 1,
            declarant: declarant,
            declarantUID: 1000 + id,
            kind: .family,
            organisation: organisation,
            organisationId: nil,
            description: "A relative on its board",
            value: nil,
            sensitive: sensitive,
            startedOn: CalendarDate("2026-01-10")!,
            endedOn: nil,
            declaredAt: Instant(rfc3339: "2026-01-12T10:00:00Z")!,
            late: false,
            managementPlan: nil,
            managedBy: nil,
            managedAt: nil
        )
    }

    static func member(_ user: String, confirmed: String? = nil, acknowledged: Set<Int> = []) -> MemberFacts {
        MemberFacts(
            user: user,
            onBoard: true,
            firstSeenOn: CalendarDate("2026-01-05")!,
            lastConfirmedOn: confirmed.flatMap(CalendarDate.init),
            acknowledgedVersions: acknowledged
        )
    }

    /// Twelve open risks and one closed, two boards members (ana confirmed and acknowledged, marko neither), an
    /// appetite for financial risks, and ana's sensitive interest beside marko's public one.
    static func facts() -> BoardPackFacts {
        var risks = (1...12).map { risk($0, "Risk \($0)", rating: (1 + $0 % 5, 1 + ($0 * 2) % 5)) }
        risks.append(risk(13, "Closed one", rating: (5, 5), status: .closed))
        risks.append(risk(14, "Dependence on a few funders", category: "financial", rating: (5, 5), due: "2026-10-01"))
        risks.append(risk(15, "Treated", category: "financial", rating: (5, 4), residual: (2, 3)))
        return BoardPackFacts(
            asOf: asOf,
            auditHead: String(repeating: "ab", count: 32),
            register: ReviewSnapshot(
                risks: risks,
                openActions: [
                    Action(
                        id: 3,
                        revision: 1,
                        riskId: 14,
                        description: "Find a third funder",
                        owner: "treasurer",
                        dueOn: CalendarDate("2026-11-30")!,
                        status: .open,
                        completedAt: nil
                    ),
                    Action(
                        id: 4,
                        revision: 1,
                        riskId: 13,
                        description: "Of a closed risk",
                        owner: "treasurer",
                        dueOn: CalendarDate("2026-11-30")!,
                        status: .open,
                        completedAt: nil
                    ),
                ],
                members: [member("marko"), member("ana", confirmed: "2026-06-01", acknowledged: [2])],
                code: CodeFacts(version: 2, publishedOn: CalendarDate("2026-03-01")!),
                appetites: ["financial": 12]
            ),
            earlierScores: [14: 12, 1: 6],
            openFindings: ["risk-review-overdue": 1, "action-overdue": 1],
            declarations: [
                interest(7, "marko", "Open Society Foundations"),
                interest(5, "ana", "Western Balkan Fund", sensitive: true),
            ]
        )
    }
}

@Suite("The board pack as values")
struct BoardPackBuildTests {
    let policy = ReviewPolicy()

    func build(viewer: InterestViewer = .registerKeeper) -> BoardPack {
        BoardPack.build(BoardPackFixture.facts(), policy: policy, viewer: viewer)
    }

    @Test("Heat maps count the risks not closed, inherent and current apart") func heatMaps() {
        let pack = build()
        #expect(pack.inherent.total == 14)
        #expect(pack.current.total == 14)
        // are 5 × 4, and R-15 is 5 × 4 inherent but 2 × 3 current, as are.
        #expect(pack.inherent.counts[4][3] == 3)
        #expect(pack.current.counts[4][3] == 2)
        #expect(pack.inherent.counts[1][2] == 3)
        #expect(pack.current.counts[1][2] == 4)
        // R-14 is 5 × 5; the closed R-13, 5 × 5 too, is in neither map.
        #expect(pack.inherent.counts[4][4] == 1)
        #expect(pack.current.counts[4][4] == 1)
        #expect(pack.inherent.counts.joined().reduce(0, +) == 14)
    }

    @Test(
        "Above appetite: a current score over the category's appetite, highest first",
        arguments: [
            (["financial": 12], [14]),
            (["financial": 24], [14]),
            (["financial": 25], []),
            ([:], []),
        ] as [([String: Int], [Int])]
    )
    func aboveAppetite(appetites: [String: Int], expected: [Int]) {
        var facts = BoardPackFixture.facts()
        facts.register.appetites = appetites
        let pack = BoardPack.build(facts, policy: policy, viewer: .registerKeeper)
        #expect(pack.aboveAppetite.map(\.risk.id) == expected)
    }

    @Test("The ten highest: by current score then id, with the change over 90 days or new") func highest() {
        let pack = build()
        #expect(pack.highest.count == 10)
        #expect(pack.highest.first?.risk.id == 14)
        #expect(pack.highest.first?.change == 13)
        let scores = pack.highest.map(\.risk.score)
        #expect(scores == scores.sorted(by: >))
        #expect(!pack.highest.map(\.risk.id).contains(13))
        #expect(pack.highest.first { $0.risk.id == 1 }.map { $0.change == $0.risk.score - 6 } ?? true)
        #expect(pack.highest.filter { $0.risk.id != 14 && $0.risk.id != 1 }.allSatisfy { $0.change == nil })
    }

    @Test("Overdue reviews and actions on the day of asOf; actions of closed risks are not listed") func overdue() {
        let pack = build()
        #expect(pack.overdueReviews.map(\.risk.id) == [14])
        #expect(pack.overdueActions.map(\.id) == [3])
    }

    @Test("Members late to acknowledge or confirm; findings per rule in rule order") func members() {
        let pack = build()
        #expect(pack.codeVersion == 2)
        #expect(pack.notAcknowledged.map(\.user) == ["marko"])
        #expect(pack.notConfirmed.map(\.user) == ["marko"])
        #expect(pack.notConfirmed.first?.never == true)
        // The rules applied to the fixture's register at asOf, in the rules' order, not the stored findings.
        #expect(
            pack.findings.map(\.rule) == [
                "risk-review-overdue", "risk-untreated", "action-overdue", "interest-confirmation-overdue",
                "interest-unmanaged", "ethics-unacknowledged", "risk-above-appetite",
            ]
        )
        #expect(pack.findings.first?.title == "Risk reviews overdue")
    }

    @Test(
        "Declarations: another member's sensitive one is withheld, keeping its declarant only",
        arguments: [
            (InterestViewer.registerKeeper, false),
            (InterestViewer.boardMember("ana", seesRegister: true), false),
            (InterestViewer.boardMember("marko", seesRegister: true), true),
        ]
    )
    func withheld(viewer: InterestViewer, anaWithheld: Bool) {
        let pack = build(viewer: viewer)
        #expect(pack.declarations.map(\.declarant) == ["ana", "marko"])
        let ana = pack.declarations[0]
        #expect(ana.withheld == anaWithheld)
        #expect((ana.organisation == "") == anaWithheld)
        #expect(ana.kind == (anaWithheld ? "withheld" : "family tie"))
        #expect(ana.sensitive == !anaWithheld)
        #expect(pack.declarations[1].organisation == "Open Society Foundations")
    }

    @Test("The agenda's sensitive recusals are withheld from other board members") func agenda() {
        let agenda = BoardPack.Agenda(
            meetingId: 3,
            title: "Board meeting",
            date: CalendarDate("2027-01-20")!,
            items: [
                .init(
                    number: 4,
                    title: "Call WBF-2027 partners",
                    organisations: ["Western Balkan Fund"],
                    recusals: [
                        .init(
                            declarant: "ana",
                            kind: "family",
                            organisation: "Western Balkan Fund",
                            match: .exact,
                            declaredInAdvance: true,
                            action: .leftRoom,
                            sensitive: true
                        )
                    ]
                )
            ]
        )
        let facts = BoardPackFixture.facts()
        let own = BoardPack.build(
            facts,
            policy: policy,
            viewer: .boardMember("ana", seesRegister: true),
            agenda: agenda
        )
        let other = BoardPack.build(
            facts,
            policy: policy,
            viewer: .boardMember("marko", seesRegister: true),
            agenda: agenda
        )
        #expect(own.agenda?.items[0].recusals[0].organisation == "Western Balkan Fund")
        #expect(other.agenda?.items[0].recusals[0].organisation == "")
        #expect(other.agenda?.items[0].recusals[0].kind == "withheld")
        #expect(other.agenda?.items[0].recusals[0].action == .leftRoom)
    }

    @Test(
        "Lists of risks stop at fifty and count the rest",
        arguments: [(49, 49), (50, 50), (51, 50), (600, 50)]
    )
    func listLimit(overdue: Int, listed: Int) {
        var facts = BoardPackFixture.facts()
        facts.register.risks = (1...overdue).map { id in
            BoardPackFixture.risk(id, category: "financial", rating: (5, 5), due: "2026-01-01")
        }
        facts.register.openActions = []
        let pack = BoardPack.build(facts, policy: policy, viewer: .registerKeeper)
        #expect(pack.overdueReviews.count == listed)
        #expect(pack.overdueReviewsTotal == overdue)
        #expect(pack.aboveAppetite.count == listed)
        #expect(pack.aboveAppetiteTotal == overdue)
        #expect(pack.overdueReviews.map(\.risk.id) == Array(1...listed))
        #expect(pack.highest.count == 10)
    }

    @Test("The same facts give equal packs, whatever order the store listed them in") func stable() {
        var shuffled = BoardPackFixture.facts()
        shuffled.register.risks.reverse()
        shuffled.register.members.reverse()
        shuffled.declarations.reverse()
        #expect(BoardPack.build(shuffled, policy: policy, viewer: .registerKeeper) == build())
    }
}
