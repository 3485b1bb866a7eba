import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@testable import RiskDaemon

/// The deliverer's cycle, as `org.riskd.mail`'s stories run it (`MailService.claim`, `report`, `retry`): a mail is
/// never handed out twice, a deferred one waits for its backoff, a stale claim becomes uncertain, and a mail the MTA
/// keeps deferring fails.
@Suite("Mail delivery")
struct MailDeliveryTests: MailFixtures {
    static let day1 = Instant(rfc3339: "2027-01-10T06:00:00Z")!

    /// A daily review run at `now` that queues `notices` (and the digest).
    static func run(_ database: RiskDatabase, at now: Instant, _ notices: [Notice]) async throws {
        _ = try await database.recordReview(
            [],
            trigger: "schedule",
            startedAt: now,
            now: now,
            notices: notices,
            digestFor: ["ana", "bob"]
        )
    }

    @Test("Claim, defer, retry after the backoff, give up; a stale claim becomes uncertain") func delivery()
        async throws
    {
        let database = try Self.database()
        try await Self.run(database, at: Self.day1, [Self.notice("ana", "a")])
        let digest = try #require(try await database.claimMail(now: Self.day1))
        #expect(digest.state == .sending && digest.attempts == 1)
        let deferred = try await database.reportMail(
            id: digest.id,
            outcome: .deferred,
            reason: "no MTA",
            now: Self.day1
        )
        #expect(deferred.state == .queued && deferred.nextAttemptAt == Self.day1.adding(seconds: 60))

        let notice = try #require(try await database.claimMail(now: Self.day1))
        #expect(notice.id != digest.id, "the deferred mail waits for its backoff")
        #expect(try await database.claimMail(now: Self.day1) == nil)
        let again = try #require(try await database.claimMail(now: Self.day1.adding(seconds: 60)))
        #expect(again.id == digest.id && again.attempts == 2)
        let sent = try await database.reportMail(id: again.id, outcome: .sent, reason: nil, now: Self.day1)
        #expect(sent.state == .sent && sent.sentAt != nil)
        await #expect(throws: DomainError.notFound(.mail, id: sent.id)) {
            _ = try await database.reportMail(id: sent.id, outcome: .sent, reason: nil, now: Self.day1)
        }

        // The deliverer claimed `notice` and never said: after the lease it is uncertain, and never claimed again.
        let later = Self.day1.adding(seconds: 601)
        #expect(try await database.claimMail(now: later) == nil)
        let status = try await database.mailStatus(state: .uncertain, limit: 10)
        #expect(status.mails.map(\.id) == [notice.id])
        #expect(status.counts[.uncertain] == 1 && status.counts[.sent] == 1)
        let late = try await database.reportMail(id: notice.id, outcome: .sent, reason: nil, now: later)
        #expect(late.state == .sent, "a late report is the truth")
    }

    @Test("A mail the MTA keeps deferring fails after max_attempts, with the MTA's reason") func giveUp() async throws {
        let database = try RiskDatabase()
        var policy = MailPolicy()
        policy.maxAttempts = 2
        database.configureMail(MailSettings(policy: policy))
        let actor = RiskDatabase.Actor(user: "root", uid: 0, method: "test", now: Self.day1)
        _ = try await database.queueTestMail(to: try MailAddress("ana@example.org"), actor: actor)
        var now = Self.day1
        for attempt in 1...2 {
            let mail = try #require(try await database.claimMail(now: now))
            let after = try await database.reportMail(id: mail.id, outcome: .deferred, reason: "too big", now: now)
            #expect(after.state == (attempt == 2 ? .failed : .queued))
            now = now.adding(seconds: 3600)
        }
        let failed = try #require(try await database.mailStatus(state: .failed, limit: 1).mails.first)
        #expect(failed.reason == "deferred 2 times, riskd gave up: too big")
        let retried = try await database.retryMail(id: failed.id, actor: actor)
        #expect(retried.state == .queued && retried.attempts == 0)
        #expect(try await database.claimMail(now: now)?.id == failed.id)
        await #expect(throws: DomainError.self) { _ = try await database.retryMail(id: failed.id, actor: actor) }
    }
}

extension RiskDatabase {
    /// The deliverer, calling at `now`.
    fileprivate static func deliverer(_ now: Instant) -> Actor {
        Actor(user: "riskd-mail", uid: 998, method: "org.riskd.mail.Claim", now: now)
    }

    fileprivate func claimMail(now: Instant) async throws -> MailRecord? {
        try await write(Self.deliverer(now)) { tx in try MailService.claim(tx) }
    }

    fileprivate func reportMail(
        id: Int,
        outcome: DeliveryOutcome,
        reason: String?,
        now: Instant
    ) async throws
        -> MailRecord
    {
        try await write(Self.deliverer(now)) { tx in
            try MailService.report(tx, id: id, outcome: outcome, reason: reason)
        }
    }

    fileprivate func retryMail(id: Int, actor: Actor) async throws -> MailRecord {
        try await write(actor) { tx in try MailService.retry(tx, id: id) }
    }

    fileprivate func queueTestMail(to address: MailAddress, actor: Actor) async throws -> MailRecord {
        try await write(actor) { tx in try MailService.queueTest(tx, to: address) }
    }
}
