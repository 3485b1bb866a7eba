import RiskCore
import RiskStore
import Testing

@testable import RiskDaemon

/// The stories of `org.riskd.risk` (`RiskService.add`, `change`, `review`, `close`, `addAction`, `updateAction`,
/// the lapses), run in a write of an in-memory database: what each changes, audits and versions, and that a refused
/// one changes nothing.
@Suite("Risk register: the stories")
struct RiskStoryTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(daysSinceEpoch: 0)

    static func instant(_ text: String) -> Instant {
        Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0)
    }

    func actor(_ method: String = "org.riskd.risk.Add", user: String = "marko") -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: user, uid: 1002, method: method, now: now, today: today)
    }

    func actor(_ user: String = "marko", at time: String) -> RiskDatabase.Actor {
        let now = Self.instant(time)
        return RiskDatabase.Actor(user: user, uid: 1002, method: "test", now: now, today: now.utcDate)
    }

    func add(_ database: RiskDatabase, _ titles: [String], at time: String? = nil) async throws -> [Risk] {
        let author = time.map { actor(at: $0) } ?? actor()
        let risks = try titles.map { title in
            try RiskRules.create(
                RiskDraft(title: title, category: "financial", likelihood: 3, impact: 3),
                caller: "marko",
                now: author.now,
                today: author.today,
                policy: RiskPolicy()
            )
        }
        return try await database.write(author) { [risks] tx in try RiskService.add(tx, risks) }
    }

    func change(
        _ database: RiskDatabase,
        _ id: Int,
        ifRevision: Int? = nil,
        _ change: RiskChange = .updated,
        note: String? = nil,
        by actor: RiskDatabase.Actor,
        _ rule: @escaping @Sendable (Risk) throws -> Risk
    ) async throws -> Risk {
        try await database.write(actor) { tx in
            try RiskService.change(tx, id, ifRevision: ifRevision, change, note: note, detail: AuditDetail(), by: rule)
        }
    }

    func addAction(
        _ database: RiskDatabase,
        riskId: Int = 1,
        _ description: String = "Agree a funding protocol"
    )
        async throws -> Action
    {
        let action = try ActionRules.create(
            riskId: riskId,
            description: description,
            owner: "marko",
            dueOn: "2027-01-15"
        )
        return try await database.write(actor("org.riskd.risk.AddAction")) { tx in
            try RiskService.addAction(tx, action, description: description)
        }
    }

    func close(
        _ database: RiskDatabase,
        _ id: Int = 1,
        by actor: RiskDatabase.Actor,
        note: String? = nil
    )
        async throws -> Risk
    {
        try await database.write(actor) { tx in
            try RiskService.close(tx, id, note: note, detail: AuditDetail()) {
                try RiskRules.close($0, reason: .mitigated, note: note, now: actor.now)
            }
        }
    }

    func accept(
        _ database: RiskDatabase,
        _ id: Int = 1,
        until: String,
        by actor: RiskDatabase.Actor
    )
        async throws -> Risk
    {
        try await change(database, id, .accepted, note: "Board", by: actor) {
            try RiskRules.accept(
                $0,
                until: until,
                note: "Board",
                decision: "M-3 item 4",
                by: actor.user,
                now: actor.now,
                today: actor.today
            )
        }
    }

    @Test("Additions are audited as RiskAudit words them, each with its first version") func added() async throws {
        let database = try RiskDatabase()
        let stored = try await add(database, ["One", "Two"])
        #expect(stored.map(\.id) == [1, 2])
        let entry = try #require(try await database.auditLog(subject: "risk:2", after: nil, limit: 1).entries.first)
        #expect(entry.detail.contains(#""title":"Two""#) && entry.detail.contains(#""likelihood":3"#))
        #expect(try await database.riskHistory(id: 2)?.versions.map(\.change) == [.created])
    }

    @Test("A stale ifRevision is refused and changes nothing") func revisions() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        let policy = RiskPolicy()
        let now = now
        let changed = try await change(database, 1, ifRevision: 1, by: actor("org.riskd.risk.Update")) {
            try RiskRules.update($0, with: RiskChanges(title: "Funding overlap with members"), now: now, policy: policy)
        }
        #expect(changed.revision == 2)
        await #expect(throws: DomainError.revisionMismatch(.risk, id: 1, current: 2)) {
            try await change(database, 1, ifRevision: 1, by: actor("org.riskd.risk.Update")) {
                try RiskRules.update($0, with: RiskChanges(title: "Lost update"), now: now, policy: policy)
            }
        }
        #expect(try await database.risk(id: 1)?.title == "Funding overlap with members")
        #expect(try await database.verifyAudit().entries == 2)
    }

    @Test("A refused change leaves no audit entry and no version") func refusedChange() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        let now = now
        await #expect(throws: DomainError.self) {
            try await change(database, 1, by: actor("org.riskd.risk.Update")) {
                try RiskRules.update($0, with: RiskChanges(likelihood: 9), now: now, policy: RiskPolicy())
            }
        }
        await #expect(throws: DomainError.notFound(.risk, id: 7)) {
            try await change(database, 7, by: actor()) { $0 }
        }
        #expect(try await database.verifyAudit().entries == 1)
        #expect(try await database.risk(id: 1)?.revision == 1)
        #expect(try await database.riskHistory(id: 1)?.versions.count == 1)
    }

    @Test("Actions: adding one makes the risk mitigating; closing the risk cancels it") func actions() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        let stored = try await addAction(database)
        #expect(stored.id == 1)
        #expect(try await database.risk(id: 1)?.status == .mitigating)
        _ = try await close(database, by: actor("org.riskd.risk.Close"))
        let detail = try #require(try await database.riskDetail(id: 1))
        #expect(detail.risk.status == .closed)
        #expect(detail.actions.map(\.status) == [.cancelled])
        #expect(detail.actions.map(\.revision) == [2])
        await #expect(throws: DomainError.invalidValue("riskId", "risk R-1 is closed; reopen it before adding actions"))
        {
            try await addAction(database)
        }
        await #expect(throws: DomainError.notFound(.risk, id: 9)) { try await addAction(database, riskId: 9) }
        #expect(try await database.riskDetail(id: 1)?.actions.count == 1)
    }

    @Test("The last open action done makes the risk open again, and its history says so")
    func lastActionDone() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        let stored = try await addAction(database)
        #expect(try await database.risk(id: 1)?.status == .mitigating)
        let now = now
        _ = try await database.write(actor("org.riskd.risk.UpdateAction")) { tx in
            try RiskService.updateAction(tx, stored.id, ifRevision: nil, charge: nil, detail: AuditDetail()) {
                try ActionRules.update($0, status: .done, dueOn: nil, owner: nil, note: nil, now: now)
            }
        }
        #expect(try await database.risk(id: 1)?.status == .open)
        let history = try await database.auditLog(subject: "risk:1", after: nil, limit: 10).entries
        #expect(
            history.map(\.method) == ["org.riskd.risk.Add", "org.riskd.risk.AddAction", "org.riskd.risk.UpdateAction"]
        )
        #expect(history.last?.detail == #"{"action":1,"from":"mitigating","status":"open"}"#)
        let versions = try #require(try await database.riskHistory(id: 1)).versions
        #expect(versions.map(\.note) == [nil, "mitigating: action A-1 changed", "open: action A-1 changed"])
        await #expect(throws: DomainError.revisionMismatch(.action, id: 1, current: 2)) {
            try await database.write(actor("org.riskd.risk.UpdateAction")) { tx in
                try RiskService.updateAction(tx, stored.id, ifRevision: 1, charge: nil, detail: AuditDetail()) { $0 }
            }
        }
    }

    @Test("Closing a risk gives each action it cancels an audit entry of its own") func closeAuditsActions()
        async throws
    {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        for description in ["Agree a funding protocol", "Publish the rule"] {
            _ = try await addAction(database, description)
        }
        _ = try await close(database, by: actor("org.riskd.risk.Close"))
        for subject in ["action:1", "action:2"] {
            let entries = try await database.auditLog(subject: subject, after: nil, limit: 10).entries
            #expect(entries.map(\.method) == ["org.riskd.risk.AddAction", "org.riskd.risk.Close"], "\(subject)")
            #expect(entries.last?.detail == #"{"riskClosed":1,"status":"cancelled"}"#, "\(subject)")
        }
        #expect(try await database.verifyAudit().ok)
    }

    @Test("Reopening an accepted risk that still has an open action makes it mitigating, not open")
    func reopenWithOpenAction() async throws {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        _ = try await addAction(database)
        _ = try await accept(database, until: "2027-06-30", by: actor("org.riskd.risk.Accept"))
        #expect(try await database.risk(id: 1)?.status == .accepted)
        let (now, today) = (now, today)
        let reopened = try await change(database, 1, .reopened, by: actor("org.riskd.risk.Reopen")) {
            try RiskRules.reopen($0, note: "Withdrawn", now: now, today: today, policy: RiskPolicy())
        }
        #expect(reopened.status == .mitigating)
        #expect(try await database.risk(id: 1)?.status == .mitigating)
    }

    @Test("risk.Get's reviews stop at their byte budget, newest kept, the rest counted") func reviewsBounded()
        async throws
    {
        let database = try RiskDatabase()
        _ = try await add(database, ["Funding overlap"])
        for number in 1...5 {
            _ = try await database.write(actor("org.riskd.risk.Review")) { tx in
                try RiskService.review(tx, 1, note: "Review \(number)", charge: nil, detail: AuditDetail()) { $0 }
            }
        }
        let all = try #require(try await database.riskDetail(id: 1))
        #expect(all.reviews.map(\.note) == (1...5).map { "Review \($0)" } && all.omitted == 0)
        #expect(all.reviews.allSatisfy { $0.reviewer == "marko" })
        let one = RiskDatabase.replyBytes(of: all.reviews[0])
        let bounded = try #require(try await database.riskDetail(id: 1, reviewBudget: one * 2 + one / 2))
        #expect(bounded.reviews.map(\.note) == ["Review 4", "Review 5"] && bounded.omitted == 3)
        let tiny = try #require(try await database.riskDetail(id: 1, reviewBudget: 1))
        #expect(tiny.reviews.map(\.note) == ["Review 5"] && tiny.omitted == 4)
    }

    @Test("Each change is a version: created, updated, reviewed, accepted, closed")
    func versions() async throws {
        let database = try RiskDatabase()
        let risk = try #require(try await add(database, ["Funding overlap"], at: "2026-01-10T09:00:00Z").first)
        _ = try await change(database, risk.id, by: actor(at: "2026-02-01T09:00:00Z")) { current in
            var changed = current
            changed.impact = 4
            return changed
        }
        _ = try await database.write(actor("ana", at: "2026-03-01T09:00:00Z")) { tx in
            try RiskService.review(tx, risk.id, note: "Still there", charge: nil, detail: AuditDetail()) { $0 }
        }
        _ = try await accept(database, risk.id, until: "2027-01-01", by: actor(at: "2026-04-01T09:00:00Z"))
        _ = try await close(database, risk.id, by: actor(at: "2026-05-01T09:00:00Z"), note: "Gone")
        let history = try #require(try await database.riskHistory(id: risk.id)).versions
        #expect(history.map(\.change) == [.created, .updated, .reviewed, .accepted, .closed])
        #expect(history.map(\.actor) == ["marko", "marko", "ana", "marko", "marko"])
        #expect(history.map(\.risk.impact) == [3, 4, 4, 4, 4])
        #expect(history[3].risk.acceptedScore == 12 && history[3].risk.decision == "M-3 item 4")
        #expect(history[4].note == "Gone" && history[4].risk.status == .closed)
        #expect(try await database.verifyAudit().ok)
    }

    @Test("An acceptance lapses at once when a change raises the score above the accepted one")
    func lapseByScore() async throws {
        let database = try RiskDatabase()
        let risk = try #require(try await add(database, ["Funding overlap"], at: "2026-01-10T09:00:00Z").first)
        _ = try await accept(database, risk.id, until: "2027-01-01", by: actor(at: "2026-02-01T09:00:00Z"))
        let raised = try await change(database, risk.id, by: actor(at: "2026-03-01T09:00:00Z")) { current in
            var changed = current
            changed.likelihood = 4
            return changed
        }
        #expect(raised.status == .open && raised.lapsedOn != nil)
        let history = try #require(try await database.riskHistory(id: risk.id)).versions
        #expect(history.map(\.change) == [.created, .accepted, .updated, .lapsed])
        #expect(history.last?.actor == "riskd")
        let log = try await database.auditLog(subject: "risk:\(risk.id)", after: nil, limit: 10).entries
        #expect(log.last?.actor == "riskd" && log.last?.method == "riskd")
        #expect(log.last?.detail == #"{"change":"lapsed","reason":"\#(history.last?.note ?? "")"}"#)
        #expect(try await database.verifyAudit().ok)
    }

    @Test("Acceptances past their date lapse at the review run, not before") func lapseByDate() async throws {
        let database = try RiskDatabase()
        let risk = try #require(try await add(database, ["Funding overlap"], at: "2026-01-10T09:00:00Z").first)
        _ = try await accept(database, risk.id, until: "2026-06-30", by: actor(at: "2026-02-01T09:00:00Z"))
        let onTheDay = try await database.write(
            .daemon(now: Self.instant("2026-06-30T06:00:00Z"), today: day("2026-06-30"))
        ) {
            tx in try RiskService.lapseExpiredAcceptances(tx)
        }
        #expect(onTheDay.isEmpty)
        let after = try await database.write(
            .daemon(now: Self.instant("2026-07-01T06:00:00Z"), today: day("2026-07-01"))
        ) {
            tx in try RiskService.lapseExpiredAcceptances(tx)
        }
        #expect(after.map(\.id) == [risk.id] && after[0].status == .open)
        #expect(try await database.riskHistory(id: risk.id)?.versions.last?.change == .lapsed)
        let snapshot = try await database.reviewSnapshot(
            today: day("2026-07-02"),
            unaddressedSince: ReviewRules.mailUnaddressedSince(today: day("2026-07-02")),
            isOnBoard: { _, _ in false }
        )
        let found = ReviewRules.evaluate(snapshot, policy: ReviewPolicy(), today: day("2026-07-02"))
        #expect(found.contains { $0.rule == .riskAcceptanceExpired && $0.subject == "risk:\(risk.id)" })
    }

    func day(_ text: String) -> CalendarDate {
        CalendarDate(text) ?? CalendarDate(daysSinceEpoch: 0)
    }
}
