import RiskCore
import RiskStore
import RiskTestSupport
import Testing

/// The outbox in the store: notices queue in the review's transaction, a person gets one mail a day, the digest goes
/// once a day to each address. The deliverer's cycle is `MailDeliveryTests` (RiskDaemonTests).
@Suite("Mail outbox")
struct MailOutboxTests: MailFixtures {
    static let day1 = Instant(rfc3339: "2027-01-10T06:00:00Z")!
    static let day1Later = Instant(rfc3339: "2027-01-10T15:00:00Z")!
    static let day2 = Instant(rfc3339: "2027-01-11T06:00:00Z")!

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
        let email = try MailAddress("bob@home.example")
        try await database.write(.init(user: "root", uid: 0, method: "test", now: Self.day1)) { tx in
            try tx.saveContact(user: "bob", email: email)
        }
        let mails = try await Self.run(database, at: Self.day1, [Self.notice("ana", "a"), Self.notice("bob", "b")])
        #expect(mails.filter { $0.kind == "notice" }.map(\.recipient) == ["bob@home.example"])
        let digest = try #require(mails.first { $0.kind == "digest" })
        #expect(digest.message.contains("Board members without an address (riskctl member list --no-email): ana"))
        #expect(digest.message.contains("Not told for want of an address: ana"))
    }

    @Test("Mails in the states named become uncertain, with the reason; the others stay") func markUncertain()
        async throws
    {
        let database = try Self.database()
        let queued = try await Self.run(database, at: Self.day1, [Self.notice("ana", "a")])
        #expect(!queued.isEmpty && queued.allSatisfy { $0.state == .queued })
        let actor = RiskDatabase.Actor(user: "root", uid: 0, method: "riskd --restore", now: Self.day2)
        try await database.write(actor) { tx in try tx.markUncertain([.sending], reason: "test") }
        #expect(try await database.mailStatus(state: nil, limit: 100).mails.allSatisfy { $0.state == .queued })
        try await database.write(actor) { tx in try tx.markUncertain([.queued, .sending], reason: "restored") }
        let marked = try await database.mailStatus(state: nil, limit: 100).mails
        #expect(marked.count == queued.count)
        #expect(marked.allSatisfy { $0.state == .uncertain && $0.reason == "restored" })
    }
}
