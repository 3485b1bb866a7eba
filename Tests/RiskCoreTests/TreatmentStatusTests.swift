import RiskCore
import Testing

@Suite("A risk's status from its actions")
struct TreatmentStatusTests {
    @Test(
        "One rule: open and mitigating follow the open actions; acceptance and closure stay",
        arguments: [
            (RiskStatus.open, 0, RiskStatus.open),
            (.open, 1, .mitigating),  // the first action added
            (.mitigating, 2, .mitigating),
            (.mitigating, 0, .open),  // the last action done or cancelled
            (.accepted, 0, .accepted),
            (.accepted, 3, .accepted),
            (.closed, 0, .closed),
            (.closed, 1, .closed),
        ]
    )
    func treatmentStatus(status: RiskStatus, openActions: Int, expected: RiskStatus) {
        #expect(RiskRules.treatmentStatus(of: status, openActions: openActions) == expected)
    }

    @Test(
        "A change of status is a new revision at the time of the change; the actions are counted only when they decide",
        arguments: [
            (RiskStatus.open, 1, RiskStatus?.some(.mitigating)),
            (.mitigating, 0, .open),
            (.mitigating, 1, nil),
            (.open, 0, nil),
            (.accepted, 0, nil),
            (.closed, 0, nil),
        ]
    )
    func treated(status: RiskStatus, openActions: Int, expected: RiskStatus?) throws {
        let created = Instant(secondsSinceEpoch: 1_800_000_000)
        var risk = try RiskRules.create(
            RiskDraft(title: "Funding gap", category: "financial", likelihood: 3, impact: 3),
            caller: "ana",
            now: created,
            today: created.utcDate,
            policy: RiskPolicy()
        )
        risk.status = status
        let now = Instant(secondsSinceEpoch: 1_800_086_400)
        var counted = false
        let treated = RiskRules.treated(risk, now: now) {
            counted = true
            return openActions
        }
        #expect(treated?.status == expected)
        #expect(treated.map { $0.revision == risk.revision + 1 && $0.updatedAt == now } ?? true)
        #expect(counted == (status == .open || status == .mitigating))
        #expect(RiskRules.treatmentNote(.open, action: 4) == "open: action A-4 changed")
    }
}
