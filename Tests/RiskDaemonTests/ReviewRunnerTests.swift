import Foundation
import Logging
import RiskCore
import RiskStore
import Testing

@testable import RiskDaemon

/// Alerts kept in memory instead of the journal.
final class RecordedAlerts: AlertSink, @unchecked Sendable {
    private let lock = NSLock()
    private var alerts: [Alert] = []

    func send(_ alert: Alert) {
        lock.withLock { alerts.append(alert) }
    }

    /// Alerts sent since the last call.
    func take() -> [Alert] {
        lock.withLock {
            defer { alerts.removeAll() }
            return alerts
        }
    }
}

/// A clock the test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Instant

    init(_ text: String) {
        instant = Instant(rfc3339: text) ?? Instant(secondsSinceEpoch: 0)
    }

    func advance(days: Int64) {
        lock.withLock { instant = instant.adding(seconds: days * 86_400) }
    }

    var clock: Clock {
        Clock(now: { self.lock.withLock { self.instant } }, localDate: { $0.utcDate })
    }
}

@Suite("Review runs over days")
struct ReviewRunnerTests {
    /// - Parameter path: a database file, whose reads run beside its writes as riskd's do; else one in memory.
    func setUp(
        board: [RiskDatabase.BoardAccount] = [],
        path: String? = nil
    ) throws
        -> (ReviewRunner, RecordedAlerts, HandClock, DaemonContext)
    {
        let time = HandClock("2026-11-29T06:00:00Z")
        let database = try path.map { try RiskDatabase(path: $0) } ?? RiskDatabase()
        var logger = Logger(label: "review-test")
        logger.logLevel = .critical
        let context = DaemonContext(
            database: database,
            configuration: Configuration(paths: .system),
            clock: time.clock,
            logger: logger
        )
        let alerts = RecordedAlerts()
        let runner = ReviewRunner(
            context: context,
            sink: alerts,
            events: FindingEvents(),
            board: { _ in board }
        )
        return (runner, alerts, time, context)
    }

    func addOverdueRisk(_ context: DaemonContext) async throws {
        let now = context.clock.now()
        let risk = try RiskRules.create(
            RiskDraft(
                title: "Funding overlap",
                category: "financial",
                likelihood: 2,
                impact: 2,
                nextReviewDue: "2026-11-20"
            ),
            caller: "marko",
            now: now,
            today: now.utcDate,
            policy: RiskPolicy()
        )
        let actor = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Add", now: now)
        _ = try await context.database.write(actor) { tx in try RiskService.add(tx, [risk]) }
    }

    func kinds(_ alerts: [Alert]) -> [String] {
        alerts.map { $0.fields["EVENT"] ?? ($0.messageID == AlertCatalog.runSummary ? "summary" : "?") }
    }

    @Test("Raised once, quiet the next day, reminded after a week, resolved once") func overAWeek() async throws {
        let (runner, alerts, time, context) = try setUp()
        try await addOverdueRisk(context)
        _ = try await runner.run(trigger: .schedule)
        let first = alerts.take()
        #expect(kinds(first) == ["raised", "summary"])
        #expect(first[0].priority == 4)
        #expect(first[1].message == "Review run 1: 1 raised, 1 open, 0 resolved")
        for _ in 1...6 {
            time.advance(days: 1)
            _ = try await runner.run(trigger: .schedule)
            #expect(kinds(alerts.take()) == ["summary"])
        }
        time.advance(days: 1)
        _ = try await runner.run(trigger: .schedule)
        let week = alerts.take()
        #expect(kinds(week) == ["reminded", "summary"])
        #expect(week[0].message.hasPrefix("Reminder: Risk R-1"))
        #expect(week[0].priority == 4)

        let now = context.clock.now()
        let reviewer = RiskDatabase.Actor(user: "marko", uid: 1002, method: "org.riskd.risk.Review", now: now)
        _ = try await context.database.write(reviewer) { tx in
            try RiskService.change(tx, 1, .reviewed, note: "Reviewed", detail: AuditDetail()) { risk in
                try RiskRules.review(
                    risk,
                    note: "Reviewed",
                    ratings: RiskChanges(),
                    now: now,
                    today: now.utcDate,
                    policy: RiskPolicy()
                )
            }
        }
        let (run, open) = try await runner.run(trigger: .manual, listingOpen: true)
        #expect(run.resolved == 1 && open.isEmpty)
        #expect(kinds(alerts.take()) == ["resolved", "summary"])
        _ = try await runner.run(trigger: .manual)
        #expect(kinds(alerts.take()) == ["summary"])
    }

    @Test("An acknowledged finding stays quiet but still resolves") func acknowledged() async throws {
        let (runner, alerts, time, context) = try setUp()
        try await addOverdueRisk(context)
        let (_, open) = try await runner.run(trigger: .schedule, listingOpen: true)
        let id = try #require(open.first?.id)
        _ = alerts.take()
        let actor = RiskDatabase.Actor(
            user: "marko",
            uid: 1002,
            method: "org.riskd.review.Acknowledge",
            now: context.clock.now()
        )
        let acknowledged = try await context.database.write(actor) { tx in
            try ReviewService.acknowledge(tx, id, note: "Next board meeting")
        }
        #expect(acknowledged.acknowledgedBy == "marko" && acknowledged.note == "Next board meeting")
        let entry = try #require(
            try await context.database.auditLog(subject: "finding:\(id)", after: nil, limit: 10).entries.first
        )
        #expect(entry.method == "org.riskd.review.Acknowledge")
        #expect(entry.detail == #"{"note":"sha256:\#(RiskDatabase.sha256Hex("Next board meeting"))"}"#)
        time.advance(days: 30)
        _ = try await runner.run(trigger: .schedule)
        #expect(kinds(alerts.take()) == ["summary"])
        let status = try await context.database.reviewStatus()
        #expect(status.openFindings == 1)
    }

    @Test("A new board member is asked to confirm 28 days after riskd first sees them") func newMember() async throws {
        let (runner, alerts, time, _) = try setUp(board: [RiskDatabase.BoardAccount(user: "ivan", uid: 1005)])
        _ = try await runner.run(trigger: .startup)
        #expect(kinds(alerts.take()) == ["summary"])
        time.advance(days: 28)
        _ = try await runner.run(trigger: .schedule)
        #expect(kinds(alerts.take()) == ["summary"])
        time.advance(days: 1)
        let (_, open) = try await runner.run(trigger: .schedule, listingOpen: true)
        let raised = alerts.take()
        #expect(kinds(raised) == ["raised", "summary"])
        #expect(
            raised.first?.message == "Board member ivan has not confirmed their declarations (due 2026-12-27) "
                + "(never confirmed) (finding F-\(open.first?.id ?? 0))"
        )
        #expect(raised.first?.fields["REF"] == "ivan")
        #expect(open.map(\.subject) == ["member:ivan"])
    }

    @Test("A run not asked to list the open findings counts them and reads none") func unlisted() async throws {
        let (runner, _, _, context) = try setUp()
        try await addOverdueRisk(context)
        let (run, open) = try await runner.run(trigger: .schedule)
        #expect(run.open == 1 && run.raised == 1 && open.isEmpty)
        let (_, listed) = try await runner.run(trigger: .manual, listingOpen: true)
        #expect(listed.map(\.subject) == ["risk:1"])
    }

    @Test("Preview evaluates another day and stores nothing") func preview() async throws {
        let (runner, alerts, _, context) = try setUp()
        try await addOverdueRisk(context)
        let future = try await runner.preview(asOf: Instant(rfc3339: "2026-12-01T00:00:00Z") ?? context.clock.now())
        #expect(future.map(\.id) == [0])
        let past = try await runner.preview(asOf: Instant(rfc3339: "2026-11-20T00:00:00Z") ?? context.clock.now())
        #expect(past.isEmpty)
        #expect(alerts.take().isEmpty)
        #expect(try await context.database.reviewRuns(limit: 10).isEmpty)
    }

    @Test("Runs asked for at once run one after another: each finding is raised once, and no run fails")
    func concurrentRunsDoNotOverlap() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (runner, alerts, _, context) = try setUp(path: directory.appendingPathComponent("riskd.sqlite").path)
        try await addOverdueRisk(context)
        let runs = try await withThrowingTaskGroup(of: ReviewRunRecord.self) { group in
            for _ in 0..<8 {
                group.addTask { try await runner.run(trigger: .manual).run }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.map(\.raised).reduce(0, +) == 1)
        #expect(Set(runs.compactMap(\.id)).count == 8)
        let findings = try await context.database.findings(open: nil, rule: nil, subject: nil, limit: 100, after: nil)
        #expect(findings.findings.count == 1)
        #expect(alerts.take().filter { $0.messageID != AlertCatalog.runSummary }.count == 1)
    }
}
