import Logging
import RiskCore
import RiskStore

/// Runs the review: evaluate the rules over one consistent read, store what changed, then alert and notify
/// watchers. The scheduler and `review.Run` share it, and two runs never overlap: being an actor is not enough
/// (an actor's method lets another in at each `await`, and two runs reconciling the same open findings would both
/// raise the same one), so each run waits for the one before it to end.
actor ReviewRunner {
    /// Why a run started.
    enum Trigger: String, Sendable {
        case schedule, startup, manual
    }

    private let context: DaemonContext
    private let sink: any AlertSink
    let events: FindingEvents
    private let board: @Sendable ([Identity]) -> [RiskDatabase.BoardAccount]

    /// - Parameter board: the accounts holding the board role now (NSS by default; tests pass a table).
    init(
        context: DaemonContext,
        sink: any AlertSink,
        events: FindingEvents,
        board: @escaping @Sendable ([Identity]) -> [RiskDatabase.BoardAccount] = MemberService.accounts
    ) {
        self.context = context
        self.sink = sink
        self.events = events
        self.board = board
    }

    /// Enrols the current board in the member table, records who holds the board role now (`board_span`), and
    /// returns their names.
    private func boardNow(at now: Instant) async throws -> Set<String> {
        let accounts = context.withRoles(board(context.configuration.access.board))
        try await context.database.enrol(accounts, at: now)
        try await context.database.observeBoard(accounts, at: now)
        return Set(accounts.map(\.user))
    }

    /// Records who holds the board role at `now` (`board_span`), as riskd does at start whether or not a review
    /// runs then; a failure is logged, and the next call or review records it.
    func observeBoard(at now: Instant) async {
        do {
            let accounts = context.withRoles(board(context.configuration.access.board))
            try await context.database.observeBoard(accounts, at: now)
        } catch {
            context.logger.warning("Could not record who holds the board role: \(error)")
        }
    }

    /// The last run asked for, done or not: the next one starts when it ends. It holds no result: a run's reply
    /// can list a hundred thousand open findings, which would otherwise stay in memory until the next run.
    private var lastRun: Task<Void, Never>?

    /// One run, after any run in progress: stores the changes, sends the alerts and the summary, and returns the
    /// run with the findings open after it when `listingOpen` (a large register has a hundred thousand of them: the
    /// scheduler and `Run(findings: false)` do not read them).
    func run(
        trigger: Trigger,
        listingOpen: Bool = false
    ) async throws -> (run: ReviewRunRecord, open: [FindingRecord]) {
        let previous = lastRun
        let this = Task {
            await previous?.value
            return try await runAlone(trigger: trigger, listingOpen: listingOpen)
        }
        lastRun = Task { _ = try? await this.value }
        return try await this.value
    }

    /// One run, the only one in progress.
    private func runAlone(
        trigger: Trigger,
        listingOpen: Bool
    ) async throws -> (run: ReviewRunRecord, open: [FindingRecord]) {
        let database = context.database
        let configuration = context.configuration
        let policy = configuration.reviewPolicy
        let startedAt = context.clock.now()
        let today = context.clock.localDate(startedAt)
        let board = try await boardNow(at: startedAt)
        // Acceptances past their date lapse first, so that the run sees those risks open again.
        if try await database.anyAcceptanceExpired(today: today) {
            let lapsed = try await database.write(.daemon(now: startedAt, today: today)) { tx in
                try RiskService.lapseExpiredAcceptances(tx)
            }
            for risk in lapsed { context.logger.notice("The acceptance of risk R-\(risk.id) lapsed: it is open again") }
        }
        // Ended declarations past their retention lose their personal text (riskd(8), RETENTION AND ERASURE).
        let retainDays = context.configuration.interests.retainEndedDays
        let erased = try await database.write(.daemon(now: startedAt, today: today)) { tx in
            try tx.interestsEnded(before: today.adding(days: -retainDays)).map { interest in
                let erased = InterestRules.erased(interest)
                try tx.saveErasure(of: erased)
                try tx.audit(InterestAudit.subject(erased.id), InterestAudit.erasedAfterRetention(days: retainDays))
                return erased.id
            }
        }
        if !erased.isEmpty {
            await database.writeBackErasure()
            context.logger.notice("Erased the text of \(erased.count) ended declarations past their retention")
        }
        let snapshot = try await database.reviewSnapshot(
            today: today,
            unaddressedSince: ReviewRules.mailUnaddressedSince(today: today)
        ) { user, _ in board.contains(user) }
        let observations = ReviewRules.evaluate(snapshot, policy: policy, today: today)
        let changes = FindingLifecycle.reconcile(
            open: try await database.openFindings(),
            observations: observations,
            now: startedAt,
            remindEveryDays: policy.remindEveryDays
        )
        let notices = MailPlanner.notices(
            changes: changes,
            snapshot: snapshot,
            review: policy,
            mail: configuration.mail,
            today: today
        )
        let (run, changed) = try await database.recordReview(
            changes,
            trigger: trigger.rawValue,
            startedAt: startedAt,
            now: context.clock.now(),
            notices: notices,
            // The secretariat's digest comes with the day's own run, not with one asked for by hand.
            digestFor: trigger == .manual ? nil : board.sorted()
        )
        for event in changed {
            sink.send(AlertCatalog.alert(for: event, run: run.id ?? 0))
        }
        let head = try await database.auditHead()
        sink.send(AlertCatalog.summary(run, auditSeq: head.seq, auditHead: head.hash))
        do {
            try await database.recordAuditHead()
        } catch {
            context.logger.error("Cannot record the audit head beside the database: \(error)")
        }
        // The summary alert above is the run's one journal line (JournalAlertSink logs it where journald is not
        // reachable): a second one from the logger wrote every run twice under systemd.
        events.publish(changed)
        guard listingOpen else { return (run, []) }
        let open = try await database.findings(open: true, rule: nil, subject: nil, limit: Int.max - 1, after: nil)
        return (run, open.findings)
    }

    /// The findings that would be open at `asOf`, stored ones with their ids, new ones with id 0. Stores and
    /// alerts nothing.
    func preview(asOf: Instant) async throws -> [FindingRecord] {
        let database = context.database
        let policy = context.configuration.reviewPolicy
        let today = context.clock.localDate(asOf)
        let names = Set(board(context.configuration.access.board).map(\.user))
        let snapshot = try await database.reviewSnapshot(
            today: today,
            unaddressedSince: ReviewRules.mailUnaddressedSince(today: today),
            isOnBoard: { user, _ in names.contains(user) }
        )
        let observations = ReviewRules.evaluate(snapshot, policy: policy, today: today)
        let stored = try await database.findings(open: true, rule: nil, subject: nil, limit: Int.max - 1, after: nil)
        var byKey: [String: FindingRecord] = [:]
        for record in stored.findings {
            byKey["\(record.rule) \(record.subject)"] = record
        }
        let at = asOf.description
        return observations.map { observation in
            if var record = byKey["\(observation.rule.rawValue) \(observation.subject)"] {
                record.severity = observation.severity.rawValue
                record.message = observation.message
                return record
            }
            return FindingRecord(
                id: 0,
                rule: observation.rule.rawValue,
                subject: observation.subject,
                severity: observation.severity.rawValue,
                message: observation.message,
                firstSeenAt: at,
                lastSeenAt: at,
                lastAlertedAt: nil,
                resolvedAt: nil,
                acknowledgedBy: nil,
                acknowledgedAt: nil,
                note: nil
            )
        }
    }
}

extension Configuration {
    /// The review thresholds of this configuration.
    var reviewPolicy: ReviewPolicy {
        ReviewPolicy(
            scoring: risk.scoring,
            confirmEveryDays: interests.confirmEveryDays,
            firstConfirmationDays: interests.firstConfirmationDays,
            unmanagedAfterDays: interests.unmanagedAfterDays,
            acknowledgeWithinDays: ethicsAcknowledgeWithinDays,
            remindEveryDays: review.remindEveryDays,
            gifts: interests.policy.gifts
        )
    }
}
