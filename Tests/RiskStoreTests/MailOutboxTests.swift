import RiskCore
import RiskStore
import Testing

/// The outbox in the store: notices queue in the review's transaction, a person gets one mail a day, the digest goes
/// once a day to each address, and the claim-and-report cycle never hands a mail out twice.
@Suite("Mail outbox")
struct MailOutboxTests {
    static let day1 = Instant(rfc3339: "2027-01-10T06:00:00Z")!
    static let day1Later = Instant(rfc3339: "2027-01-10T15:00:00Z")!
    static let day2 = Instant(rfc3339: "2027-01-11T06:00:00Z")!

    static func database(domain: String? = "example.org") throws -> RiskDatabase {
        let database = try RiskDatabase()
        var policy = MailPolicy()
        policy.enabled = true
        policy.from = try MailAddress("riskd@example.org")
        policy.domain = domain
        policy.admins = [try MailAddress("secretariat@example.org")]
        database.configureMail(MailSettings(policy: policy))
        return database
    }

    /// A notice that stays true whatever the register holds (a closed concern), so that the claim-time check
    /// (`MailClaimCheck`) keeps it: these tests are about the outbox, not about what is still true.
    static func notice(_ user: String, _ key: String) -> Notice {
        Notice(
            user: user,
            kind: .concernClosed,
            subject: "concern:1",
            key: key,
            text: "The concern C-1 you raised was closed.",
            command: "riskctl"
        )
    }

    @discardableResult
    static func run(
        _ database: RiskDatabase,
        at now: Instant,
        _ notices: [Notice],
        daily: Bool = true
    ) async throws
        -> [MailRecord]
    {
        _ = try await database.recordReview(
            [],
            trigger: daily ? "schedule" : "manual",
            startedAt: now,
            now: now,
            notices: notices,
            digestFor: daily ? ["ana", "bob"] : nil
        )
        return try await database.mailStatus(state: nil, limit: 100).mails
    }

    @Test("One mail a person a day; what comes later that day waits for the next") func oneADay() async throws {
        let database = try Self.database()
        let first = try await Self.run(database, at: Self.day1, [Self.notice("ana", "a"), Self.notice("ana", "b")])
        #expect(first.filter { $0.kind == "notice" }.map(\.recipient) == ["ana@example.org"])
        #expect(first.filter { $0.kind == "digest" }.map(\.recipient) == ["secretariat@example.org"])
        let later = try await Self.run(
            database,
            at: Self.day1Later,
            [Self.notice("ana", "c"), Self.notice("ana", "a")]
        )
        #expect(later.count == first.count, "the second run of the day writes no mail to ana, and no second digest")
        let next = try await Self.run(database, at: Self.day2, [])
        let notices = next.filter { $0.kind == "notice" }
        #expect(notices.count == 2)
        #expect(notices.first?.message.contains("The concern C-1 you raised was closed.") == true)
        #expect(next.filter { $0.kind == "digest" }.count == 2)
    }

    @Test("A hand-made run writes no digest") func manualRun() async throws {
        let database = try Self.database()
        let mails = try await Self.run(database, at: Self.day1, [], daily: false)
        #expect(mails.isEmpty)
    }

    @Test("Without an address a person's notices are not sent, and the digest names them") func unaddressed()
        async throws
    {
        let database = try Self.database(domain: nil)
        _ = try await database.setContact(
            user: "bob",
            email: try MailAddress("bob@home.example"),
            actor: .init(user: "root", uid: 0, method: "test", now: Self.day1)
        )
        let mails = try await Self.run(database, at: Self.day1, [Self.notice("ana", "a"), Self.notice("bob", "b")])
        #expect(mails.filter { $0.kind == "notice" }.map(\.recipient) == ["bob@home.example"])
        let digest = try #require(mails.first { $0.kind == "digest" })
        #expect(digest.message.contains("Board members without an address (riskctl member list --no-email): ana"))
        #expect(digest.message.contains("Not told for want of an address: ana"))
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
