import RiskCore
import Testing

/// The audit builders (`MeetingAudit`, `MailAudit`, `InterestAudit`, …) are the one place each entry's fields are
/// named; entries are read back by people and compared by tests, so each builder's fields are pinned here, field
/// by field, as a table.
@Suite("Audit builders")
struct AuditBuilderTests {
    static let now = Instant(rfc3339: "2027-01-10T09:00:00Z")!
    static let day = CalendarDate(year: 2027, month: 1, day: 20)!

    static let meeting = Meeting(
        id: 3,
        revision: 2,
        title: "Board meeting",
        date: day,
        status: .cancelled,
        createdBy: "ana",
        cancelReason: "No quorum"
    )
    static let item = MeetingItem(
        id: 4,
        meetingId: 3,
        number: 2,
        title: "Grant to WBF",
        organisations: ["Western Balkan Fund", "WBF"],
        decision: true
    )
    static let recusal = Recusal(
        id: 9,
        meetingId: 3,
        itemId: 4,
        declarant: "ivan",
        interestId: 7,
        kind: "funding",
        organisation: "Western Balkan Fund",
        asked: "WBF",
        sensitive: false,
        match: .exact,
        declaredInAdvance: true,
        action: .leftRoom,
        quorate: true
    )
    static let check = ConflictCheck(
        id: 5,
        at: now,
        by: "marko",
        matter: "Call 1",
        organisations: ["OSF", "WBF"],
        conflicts: []
    )

    static let action = Action(
        id: 8,
        revision: 1,
        riskId: 3,
        description: "Agree a protocol",
        owner: "ana",
        dueOn: day,
        status: .open,
        completedAt: nil
    )

    @Test(
        "Each builder names its fields as the audit trail has always kept them",
        arguments: [
            (
                "meeting created", MeetingAudit.created(meeting),
                ["title": .text("Board meeting"), "date": .text("2027-01-20")]
            ),
            (
                "item added", MeetingAudit.itemAdded(item),
                ["item": .int(2), "title": .text("Grant to WBF"), "decision": .bool(true), "organisations": .int(2)]
            ),
            ("published", MeetingAudit.published(recusals: 3), ["status": .text("published"), "recusals": .int(3)]),
            (
                "recorded", MeetingAudit.recorded(recusal),
                [
                    "recusal": .int(9), "declarant": .text("ivan"), "action": .text("left_room"),
                    "quorate": .bool(true),
                ]
            ),
            ("closed", MeetingAudit.closed(), ["status": .text("closed")]),
            (
                "cancelled", MeetingAudit.cancelled(meeting, noticesWithdrawn: 2),
                ["status": .text("cancelled"), "reason": .text("No quorum"), "noticesWithdrawn": .int(2)]
            ),
            (
                "recusal added", MeetingAudit.recusalAdded(recusal, item: item, interest: 7),
                ["recusal": .int(9), "item": .int(2), "declarant": .text("ivan"), "interest": .int(7)]
            ),
            (
                "check", ConflictCheckAudit.recorded(check),
                ["matter": .text("Call 1"), "organisations": .text("OSF; WBF")]
            ),
            ("mail retried", MailAudit.retried(from: .uncertain), ["retried": .text("uncertain")]),
            ("address cleared", MemberAudit.contactSet(nil), ["email": .null]),
            ("ended", InterestAudit.ended(on: "2027-01-31"), ["endedOn": .text("2027-01-31")]),
            ("managed", InterestAudit.managed(plan: "Leaves the room"), ["plan": .personal("Leaves the room")]),
            (
                "erased", InterestAudit.erased(reason: "Asked by the member"),
                ["erased": .personal("Asked by the member")]
            ),
            (
                "retention", InterestAudit.erasedAfterRetention(days: 30),
                ["erased": .text("retention of 30 days after its end ran out")]
            ),
            (
                "updated, only what was asked", InterestAudit.updated(InterestChanges(sensitive: true, endedOn: "")),
                ["sensitive": .bool(true), "endedOn": .text("")]
            ),
            (
                "confirmed unsigned", InterestAudit.confirmed(nothingToDeclare: false, active: 2, attestation: nil),
                ["nothingToDeclare": .bool(false), "activeInterests": .int(2)]
            ),
            (
                "risk updated, only what was asked",
                RiskAudit.updated(RiskChanges(title: "Funding gap", likelihood: 4)),
                ["title": .text("Funding gap"), "likelihood": .int(4)]
            ),
            (
                "risk reviewed", RiskAudit.reviewed(note: "Still there", ratings: RiskChanges(impact: 2)),
                ["note": .digest("Still there"), "impact": .int(2)]
            ),
            (
                "risk accepted", RiskAudit.accepted(until: "2027-06-30", note: "Board", decision: nil),
                ["until": .text("2027-06-30"), "note": .digest("Board")]
            ),
            ("risk closed", RiskAudit.closed(reason: .mitigated, note: nil), ["reason": .text("mitigated")]),
            ("risk reopened", RiskAudit.reopened(note: "Withdrawn"), ["note": .digest("Withdrawn")]),
            (
                "risk's status from an action", RiskAudit.treated(.open, from: .mitigating, action: 4),
                ["status": .text("open"), "from": .text("mitigating"), "action": .int(4)]
            ),
            (
                "acceptance lapsed", RiskAudit.lapsed(reason: "the acceptance lapsed"),
                ["change": .text("lapsed"), "reason": .text("the acceptance lapsed")]
            ),
            (
                "action added, its description as asked", ActionAudit.added(action, description: " Agree a protocol "),
                [
                    "riskId": .int(3), "description": .digest(" Agree a protocol "), "owner": .text("ana"),
                    "dueOn": .text("2027-01-20"),
                ]
            ),
            (
                "action updated, only what was asked",
                ActionAudit.updated(status: .done, dueOn: nil, owner: nil, description: nil, note: "Signed"),
                ["status": .text("done"), "note": .digest("Signed")]
            ),
            (
                "action cancelled with its risk", ActionAudit.cancelledWithRisk(3),
                ["status": .text("cancelled"), "riskClosed": .int(3)]
            ),
            (
                "member's key added",
                MemberAudit.keyAdded(
                    MemberKey(
                        user: "ana",
                        fingerprint: "SHA256:abc",
                        publicKey: "ssh-ed25519 AAAA",
                        addedAt: now,
                        addedBy: "ana"
                    )
                ),
                ["fingerprint": .text("SHA256:abc"), "publicKey": .text("ssh-ed25519 AAAA")]
            ),
            (
                "member's key removed", MemberAudit.keyRemoved("SHA256:abc"), ["removed": .text("SHA256:abc")]
            ),
            ("member's name set", MemberAudit.nameSet("Ana Kovač"), ["name": .personal("Ana Kovač")]),
            (
                "member seen holding a role", MemberAudit.roleSeen(.auditor, holding: true),
                ["role": .text("auditor"), "seen": .text("holding")]
            ),
            (
                "member seen without a role", MemberAudit.roleSeen(.board, holding: false),
                ["role": .text("board"), "seen": .text("without")]
            ),
            (
                "appetite set", AppetiteAudit.set(category: "financial", maxScore: 12),
                ["category": .text("financial"), "maxScore": .int(12)]
            ),
            (
                "appetite removed", AppetiteAudit.set(category: "financial", maxScore: nil),
                ["category": .text("financial"), "maxScore": .null]
            ),
            ("finding acknowledged", FindingAudit.acknowledged(note: "Board, May"), ["note": .digest("Board, May")]),
            (
                "restored",
                RestoreAudit.restored(from: "/b/riskd.sqlite", replacedKeptAt: "/d/riskd.sqlite.replaced-1"),
                ["restoredFrom": .text("/b/riskd.sqlite"), "replacedKeptAt": .text("/d/riskd.sqlite.replaced-1")]
            ),
            (
                "restored where there was no database",
                RestoreAudit.restored(from: "/b/riskd.sqlite", replacedKeptAt: nil),
                ["restoredFrom": .text("/b/riskd.sqlite"), "replacedKeptAt": .null]
            ),
        ] as [(String, AuditDetail, [String: AuditDetail.Field])]
    )
    func fields(_ name: String, detail: AuditDetail, expected: [String: AuditDetail.Field]) {
        #expect(detail.fields == expected, "\(name)")
    }
}
