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
}
