import RiskCore
import RiskStore
import RiskTestSupport
import Testing

/// What the store keeps of the register and reads back; the stories that declare, change and confirm are
/// `InterestStoryTests` (RiskDaemonTests).
@Suite("Register of interests in the database")
struct InterestStoreTests: InterestFixtures {
    func declare(
        _ database: RiskDatabase,
        _ user: String,
        _ organisation: String,
        sensitive: Bool = false,
        until: String? = nil
    ) async throws -> Interest {
        let interest = try declaration(user, organisation, sensitive: sensitive, until: until)
        return try await database.declareInterest(interest, actor: actor(user, "Declare")) { declared in
            AuditDetail([
                "organisation": .text(declared.organisation), "description": .personal(declared.description),
                "value": .personal(declared.value ?? ""),
            ])
        }
    }

    func registry(_ database: RiskDatabase) async throws {
        try await addOSF(to: database)
    }

    @Test("Lists hold only what the viewer may see, and page over it") func visibility() async throws {
        let database = try RiskDatabase()
        _ = try await declare(database, "ana", "Udruženje Prevent")
        _ = try await declare(database, "ana", "Western Balkan Fund", sensitive: true)
        _ = try await declare(database, "ivan", "OSF")
        _ = try await declare(database, "ivan", "WBF", sensitive: true)
        _ = try await declare(database, "ivan", "Robert Carr Fund", until: "2026-06-30")
        func ids(_ viewer: InterestViewer, active: Bool? = nil, declarant: String? = nil) async throws -> [Int] {
            try await database.interests(
                InterestQuery(
                    viewer: viewer,
                    declarant: declarant,
                    active: active,
                    today: today
                )
            ).interests.map(\.id)
        }
        #expect(try await ids(.registerKeeper) == [1, 2, 3, 4, 5])
        #expect(try await ids(.boardMember("ana", seesRegister: true)) == [1, 2, 3, 5])
        #expect(try await ids(.boardMember("ana", seesRegister: false)) == [1, 2])
        #expect(try await ids(.boardMember("ivan", seesRegister: true), declarant: "ana") == [1])
        #expect(try await ids(.registerKeeper, active: true) == [1, 2, 3, 4])
        #expect(try await ids(.registerKeeper, active: false) == [5])
        let page = try await database.interests(
            InterestQuery(
                viewer: .boardMember("ana", seesRegister: true),
                today: today,
                limit: 2,
                after: 1
            )
        )
        #expect(page.interests.map(\.id) == [2, 3] && page.next == 3)
        let named = try await database.interests(
            InterestQuery(
                viewer: .registerKeeper,
                organisationNames: ["wbf", "western balkan fund"],
                today: today
            )
        )
        #expect(named.interests.map(\.id) == [2, 4])
    }

    @Test("Checks are stored whole and found again; a board member without the register sees only theirs")
    func checks() async throws {
        let database = try RiskDatabase()
        try await registry(database)
        _ = try await declare(database, "ana", "Open Society Foundations", sensitive: true)
        _ = try await declare(database, "ivan", "OSF")
        let check = try await database.recordConflictCheck(
            organisations: ["OSF"],
            matter: "Call 1",
            today: today,
            actor: actor("marko", "Check")
        ) { check in AuditDetail(["conflicts": .int(check.conflicts.count)]) }
        #expect(check.id == 1 && check.by == "marko")
        #expect(check.conflicts.map(\.interestId) == [1, 2])
        #expect(check.conflicts.map(\.match) == [.alias, .exact])
        #expect(check.conflicts.first?.sensitive == true)
        _ = try await database.recordConflictCheck(
            organisations: ["Trimbos"],
            matter: "Call 2",
            today: today,
            actor: actor("ana", "Check")
        ) { _ in AuditDetail() }
        let all = try await database.conflictChecks(viewer: .registerKeeper, after: nil, limit: 10)
        #expect(all.checks.map(\.id) == [1, 2] && all.checks.first == check)
        let own = try await database.conflictChecks(
            viewer: .boardMember("ana", seesRegister: false),
            after: nil,
            limit: 10
        )
        #expect(own.checks.map(\.id) == [2])
        let paged = try await database.conflictChecks(
            viewer: .boardMember("ana", seesRegister: true),
            after: nil,
            limit: 1
        )
        #expect(paged.checks.map(\.id) == [1] && paged.next == 1)
        #expect(try await database.auditLog(subject: "check:1", after: nil, limit: 5).entries.count == 1)
    }

    /// Issue 8, defect 3: no list reply grows with the records' text beyond a budget.
    @Test("A page of interests stops at its byte budget and continues with next") func pagedBySize() async throws {
        let database = try RiskDatabase()
        for index in 0..<5 { _ = try await declare(database, "ana", "Fund \(index)") }
        let one = ReplySize.of(try #require(try await database.interest(id: 1)))
        var query = InterestQuery(viewer: .registerKeeper, today: today, limit: 1000)
        query.budget = one * 2 + one / 2
        var seen: [Int] = []
        repeat {
            let page = try await database.interests(query)
            #expect(page.interests.count == (seen.count < 4 ? 2 : 1))
            seen += page.interests.map(\.id)
            query.after = page.next
        } while query.after != nil
        #expect(seen == [1, 2, 3, 4, 5])
        query.after = nil
        query.budget = 1
        #expect(try await database.interests(query).interests.map(\.id) == [1])
    }

    @Test("Members: the board now, not past declarants; first seen is kept") func members() async throws {
        let database = try RiskDatabase()
        try await database.noteMember(user: "ana", uid: 1001, at: now)
        let later = now.adding(seconds: 86_400)
        try await database.noteMember(user: "ana", uid: 1001, at: later)
        _ = try await declare(database, "ivan", "OSF")
        try await database.noteMember(user: "former", uid: 1009, at: now)
        let members = try await database.members(
            board: [.init(user: "ana", uid: 1001), .init(user: "new", uid: 1004)],
            now: later,
            today: today
        )
        #expect(members.map(\.user) == ["ana", "new"])
        #expect(members[0].firstSeenAt == now && members[0].lastSeenAt == later)
        #expect(members[1].firstSeenAt == later && members[1].activeInterests == 0)
        let one = try await database.members(
            board: [.init(user: "ana", uid: 1001)],
            only: "ivan",
            now: later,
            today: today
        )
        #expect(one.isEmpty)
        #expect(try await database.members(board: [], only: "former", now: later, today: today).isEmpty)
        // The declaration, and each span of the board opened or closed (ana, former and new on; former, new and ana
        // off); ana seen again the next day is no entry.
        let entries = try await database.auditLog(subject: nil, after: nil, limit: 100).entries
        #expect(entries.count == 7)
        #expect(
            entries.filter { $0.subject?.hasPrefix("member:") == true }.map(\.detail).sorted() == [
                #"{"role":"board","seen":"holding"}"#, #"{"role":"board","seen":"holding"}"#,
                #"{"role":"board","seen":"holding"}"#, #"{"role":"board","seen":"without"}"#,
                #"{"role":"board","seen":"without"}"#, #"{"role":"board","seen":"without"}"#,
            ]
        )
    }
}
