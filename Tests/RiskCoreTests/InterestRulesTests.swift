import RiskCore
import Testing

@Suite("Interest rules")
struct InterestRulesTests {
    let policy = InterestPolicy()

    func declare(_ draft: InterestDraft, today: CalendarDate = Fixture.today) throws(DomainError) -> Interest {
        try InterestRules.declare(
            draft,
            declarant: "ana",
            declarantUID: 1001,
            now: Fixture.now,
            today: today,
            policy: policy
        )
    }

    func draft(since: String = "2026-11-01", until: String? = nil) -> InterestDraft {
        InterestDraft(
            kind: "governance",
            organisation: "Udruženje Prevent",
            description: "Member of the board",
            startedOn: since,
            endedOn: until
        )
    }

    @Test func declaredAsGiven() throws {
        let interest = try declare(
            InterestDraft(
                kind: "family",
                organisation: " Western Balkan Fund ",
                description: "My partner is a programme officer",
                value: " ",
                sensitive: true,
                startedOn: "2025-02-01"
            )
        )
        #expect(interest.declarant == "ana" && interest.declarantUID == 1001)
        #expect(interest.kind == .family && interest.organisation == "Western Balkan Fund")
        #expect(interest.value == nil && interest.sensitive)
        #expect(interest.declaredAt == Fixture.now && interest.revision == 1 && interest.organisationId == nil)
        #expect(interest.status(today: Fixture.today) == .declared)
    }

    @Test(
        "Late when declared more than late_after_days after it started",
        arguments: [
            ("2026-11-29", false), ("2026-11-01", false), ("2026-10-31", true), ("2023-05-01", true),
        ]
    )
    func late(since: String, late: Bool) throws {
        #expect(try declare(draft(since: since)).late == late)
    }

    @Test(
        "Bad declarations are refused naming the field",
        arguments: [
            (InterestDraft(kind: "hobby", organisation: "x", description: "d", startedOn: "2026-01-01"), "kind"),
            (InterestDraft(kind: "gift", organisation: " ", description: "d", startedOn: "2026-01-01"), "organisation"),
            (
                InterestDraft(kind: "gift", organisation: "...", description: "d", startedOn: "2026-01-01"),
                "organisation"
            ),
            (InterestDraft(kind: "gift", organisation: "x", description: "", startedOn: "2026-01-01"), "description"),
            (InterestDraft(kind: "gift", organisation: "x", description: "d", startedOn: "2026-11-30"), "startedOn"),
            (InterestDraft(kind: "gift", organisation: "x", description: "d", startedOn: "2026-02-30"), "startedOn"),
            (
                InterestDraft(
                    kind: "gift",
                    organisation: "x",
                    description: "d",
                    startedOn: "2026-01-02",
                    endedOn: "2026-01-01"
                ), "endedOn"
            ),
            (
                InterestDraft(
                    kind: "gift",
                    organisation: "x",
                    description: "d",
                    value: String(repeating: "9", count: 201),
                    startedOn: "2026-01-01"
                ), "value"
            ),
        ]
    )
    func refused(draft: InterestDraft, field: String) {
        do {
            _ = try declare(draft)
            Issue.record("accepted a bad declaration")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == field)
        }
    }

    @Test(
        "Active while the end is not before today; ended after",
        arguments: [
            (nil, "2026-11-29", true, InterestStatus.declared), ("2026-11-29", "2026-11-29", true, .declared),
            ("2026-11-28", "2026-11-29", false, .ended), ("2027-01-01", "2026-11-29", true, .declared),
        ] as [(String?, String, Bool, InterestStatus)]
    )
    func active(until: String?, today: String, active: Bool, status: InterestStatus) throws {
        let interest = try declare(draft(until: until))
        #expect(interest.isActive(today: Fixture.date(today)) == active)
        #expect(interest.status(today: Fixture.date(today)) == status)
    }

    @Test func updateEndAndManage() throws {
        let interest = try declare(draft())
        let updated = try InterestRules.update(
            interest,
            with: InterestChanges(value: "€2,000 a year", sensitive: true)
        )
        #expect(updated.value == "€2,000 a year" && updated.sensitive && updated.revision == 2)
        let cleared = try InterestRules.update(updated, with: InterestChanges(value: "", endedOn: "2026-11-20"))
        #expect(cleared.value == nil && cleared.endedOn == Fixture.date("2026-11-20"))
        #expect(throws: DomainError.self) { try InterestRules.update(interest, with: InterestChanges()) }
        #expect(throws: DomainError.self) {
            try InterestRules.update(interest, with: InterestChanges(endedOn: "2026-10-01"))
        }

        let ended = try InterestRules.end(interest, endedOn: "2026-11-28", today: Fixture.today)
        #expect(ended.status(today: Fixture.today) == .ended && ended.revision == 2)
        #expect(throws: DomainError.self) {
            try InterestRules.end(ended, endedOn: "2026-11-29", today: Fixture.today)
        }

        let managed = try InterestRules.manage(
            interest,
            plan: "Leaves the room for item 4",
            by: "marko",
            now: Fixture.now
        )
        #expect(managed.status(today: Fixture.today) == .managed)
        #expect(managed.managedBy == "marko" && managed.managedAt == Fixture.now && managed.revision == 2)
        #expect(throws: DomainError.self) {
            try InterestRules.manage(interest, plan: "  ", by: "marko", now: Fixture.now)
        }
    }

    @Test(
        "A nil return is refused while interests are active",
        arguments: [
            (true, [], true), (false, [], true), (false, [7, 8], true), (true, [7], false), (true, [7, 8], false),
        ] as [(Bool, [Int], Bool)]
    )
    func confirm(nothingToDeclare: Bool, active: [Int], accepted: Bool) {
        do {
            try InterestRules.confirm(nothingToDeclare: nothingToDeclare, active: active)
            #expect(accepted)
        } catch {
            #expect(!accepted)
            #expect(error.field == "nothingToDeclare")
            #expect(active.allSatisfy { error.reason.contains("I-\($0)") })
        }
    }

    @Test(
        "Confirmation due after the last one, or after first seen",
        arguments: [
            ("2026-11-01", nil, "2026-11-29"), ("2026-11-01", "2026-11-29", "2027-11-29"),
            ("2020-01-01", "2024-02-29", "2025-02-28"),
        ] as [(String, String?, String)]
    )
    func confirmationDue(firstSeen: String, lastConfirmed: String?, due: String) {
        #expect(
            policy.confirmationDue(
                firstSeenOn: Fixture.date(firstSeen),
                lastConfirmedOn: lastConfirmed.map(Fixture.date)
            ) == Fixture.date(due)
        )
    }

    @Test func memberDueUsesLocalDates() {
        let member = Member(
            user: "ana",
            uid: 1001,
            firstSeenAt: Fixture.now,
            lastSeenAt: Fixture.now,
            lastConfirmedAt: nil,
            acknowledgedVersion: nil,
            activeInterests: 0,
            openFindings: 0
        )
        #expect(member.confirmationDue(policy: policy, localDate: \.utcDate) == Fixture.date("2026-12-27"))
    }
}
