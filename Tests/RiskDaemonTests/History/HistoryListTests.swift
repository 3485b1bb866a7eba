import Foundation
import Testing

@testable import RiskDaemon

/// Issue 27, the lists of a past time: `member.List` gives the roles riskd saw each member hold then, `meeting.List`
/// the meetings as riskd had recorded them then; a member's export holds when riskd saw them hold each role and the
/// names documents gave them; every opening and closing of a span is an audit entry, and nothing else riskd sees
/// is.
@Suite("Members and meetings as of any date", .serialized)
struct HistoryListTests {
    @Test("member.List for a past time gives the roles riskd saw each member hold then")
    func memberRoles() async throws {
        let world = try HistoryWorld()
        try await world.seed()
        let seeded = world.now.description
        // 9102 becomes an auditor, seen at their next call.
        world.advance(3_600)
        world.setRoles(admins: [HistoryWorld.admin], auditors: [HistoryWorld.auditor, 9102])
        try await world.must("org.riskd.daemon.Whoami", as: 9102)
        let audited = world.now.description
        // The next day 9102 is an auditor no more and 9103 is an administrator: both seen at the review.
        world.advance(86_400)
        world.setRoles(admins: [HistoryWorld.admin, 9103], auditors: [HistoryWorld.auditor])
        try await world.must("org.riskd.review.Run")
        let later = world.now.description
        world.advance(3_600)

        let board = ["9101": ["board"], "9102": ["board"], "9103": ["board"], "9104": ["board"]]
        var audit = board
        audit["9102"] = ["auditor", "board"]
        var admin = board
        admin["9103"] = ["admin", "board"]
        let expected: [(String, [String: [String]])] = [
            ("2027-01-01", [:]), (seeded, board), (audited, audit), (later, admin),
        ]
        for (asOf, roles) in expected {
            #expect(try await Self.roles(world, asOf: asOf) == roles, "\(asOf)")
        }
        // A later change of the roles leaves every earlier answer as it was.
        world.setRoles(admins: [HistoryWorld.admin, 9102], auditors: [HistoryWorld.auditor, 9103])
        try await world.must("org.riskd.review.Run")
        for (asOf, roles) in expected {
            #expect(try await Self.roles(world, asOf: asOf) == roles, "\(asOf)")
        }
        let refused = await world.call("org.riskd.member.List", #"{"asOf":"March"}"#)
        #expect(refused.hasPrefix(#"{"error":"org.riskd.member.InvalidValue""#), "\(refused)")
        #expect(refused.contains(#""field":"asOf""#), "\(refused)")
    }

    @Test("A member's export holds when riskd saw them hold each role, and the names documents gave them")
    func export() async throws {
        let world = try HistoryWorld()
        try await world.seed()
        world.advance(3_600)
        world.setRoles(admins: [HistoryWorld.admin, 9101], auditors: [HistoryWorld.auditor])
        try await world.must("org.riskd.daemon.Whoami", as: 9101)
        let promoted = world.now.description
        world.advance(3_600)
        try await world.must("org.riskd.member.SetName", #"{"user":"9101","name":"Ana Petrović-Novak"}"#)
        let renamed = world.now.description
        let reply = try Self.object(try await world.must("org.riskd.member.Export", #"{"user":"9101"}"#))
        let spans = try #require(reply["roles"] as? [[String: Any]])
        #expect(spans.map { $0["role"] as? String } == ["board", "admin"])
        #expect(spans.last?["fromAt"] as? String == promoted)
        #expect(spans.last?["goneAt"] == nil || spans.last?["goneAt"] is NSNull)
        let names = try #require(reply["names"] as? [[String: Any]])
        let set = names.filter { $0["source"] as? String == "set" }
        #expect(set.map { $0["name"] as? String } == ["Ana Petrović", "Ana Petrović-Novak"])
        #expect(set.last?["at"] as? String == renamed)
    }

    @Test("Each opening and closing of a span is an audit entry by riskd; a sighting that changes nothing is none")
    func observationsAudited() async throws {
        let world = try HistoryWorld()
        try await world.seed()
        let seeded = try await Self.roleEntries(world)
        // The seed saw four members join the board: one entry each.
        #expect(seeded.filter { $0.detail.contains(#""role":"board""#) }.count == 4)
        #expect(seeded.allSatisfy { $0.actor == "riskd" && $0.detail.contains(#""seen":"holding""#) })
        // The same board seen again, by every kind of sighting: nothing to record.
        world.advance(60)
        try await world.must("org.riskd.member.List")
        try await world.must("org.riskd.daemon.Whoami", as: 9102)
        try await world.must("org.riskd.review.Run")
        try await world.must("org.riskd.report.Board")
        #expect(try await Self.roleEntries(world).count == seeded.count)
        // 9103 leaves the board and becomes an auditor: two entries, seen at their next call.
        world.advance(3_600)
        world.setBoard([9101, 9102, 9104])
        world.setRoles(admins: [HistoryWorld.admin], auditors: [HistoryWorld.auditor, 9103])
        try await world.must("org.riskd.daemon.Whoami", as: 9103)
        let after = try await Self.roleEntries(world).dropFirst(seeded.count)
        #expect(after.map(\.subject) == ["member:9103", "member:9103"])
        #expect(
            Set(after.map(\.detail)) == [
                #"{"role":"auditor","seen":"holding"}"#, #"{"role":"board","seen":"without"}"#,
            ]
        )
        #expect(try await world.must("org.riskd.audit.Verify").contains(#""ok":true"#))
    }

    @Test("meeting.List for a past time: a meeting created later is absent, one cancelled later has its status then")
    func meetingList() async throws {
        let world = try HistoryWorld()
        try await world.seed()
        world.advance(3_600)
        let before = world.now.description
        world.advance(3_600)
        try await world.must("org.riskd.meeting.Cancel", #"{"id":2,"reason":"No quorum"}"#)
        try await world.must("org.riskd.meeting.Create", #"{"title":"Later","date":"2027-02-01"}"#)
        let then = #"{"asOf":"\#(before)"}"#
        #expect(try await Self.meetings(world, then) == ["1 published", "2 draft"])
        #expect(try await Self.meetings(world, "{}") == ["1 published", "3 draft", "2 cancelled"])
        // Pages of one: the cursor is placed by the meeting's date of then, or of now.
        #expect(try await Self.pagesOfOne(world, #""asOf":"\#(before)","#) == ["1 published", "2 draft"])
        #expect(try await Self.pagesOfOne(world, "") == ["1 published", "3 draft", "2 cancelled"])
        let listed = try await world.must("org.riskd.meeting.List")
        let refused = await world.call("org.riskd.meeting.List", #"{"asOf":"March"}"#)
        #expect(refused.hasPrefix(#"{"error":"org.riskd.meeting.InvalidValue""#), "\(refused)")
        #expect(refused.contains(#""field":"asOf""#), "\(refused)")
        #expect(try await world.must("org.riskd.meeting.List") == listed)
    }

    /// Each member's roles in `member.List` for `asOf`, by user.
    static func roles(_ world: HistoryWorld, asOf: String) async throws -> [String: [String]] {
        let reply = try object(try await world.must("org.riskd.member.List", #"{"asOf":"\#(asOf)"}"#))
        var roles: [String: [String]] = [:]
        for member in reply["members"] as? [[String: Any]] ?? [] {
            if let user = member["user"] as? String { roles[user] = member["roles"] as? [String] ?? [] }
        }
        return roles
    }

    /// The audit entries riskd made of what it saw of members' roles, in order.
    static func roleEntries(_ world: HistoryWorld) async throws -> [(subject: String, actor: String, detail: String)] {
        let reply = try object(try await world.must("org.riskd.audit.Log", #"{"limit":1000}"#))
        return (reply["entries"] as? [[String: Any]] ?? []).compactMap { entry in
            guard let detail = entry["detail"] as? String, detail.contains(#""seen":"#),
                let subject = entry["subject"] as? String, let actor = entry["actor"] as? String
            else { return nil }
            return (subject, actor, detail)
        }
    }

    /// The meetings of `meeting.List` read one a page, each as "ID STATUS"; `asOf` is empty or `"asOf":"…",`.
    static func pagesOfOne(_ world: HistoryWorld, _ asOf: String) async throws -> [String] {
        var paged: [String] = []
        var after: Int?
        repeat {
            let cursor = after.map { #","after":\#($0)"# } ?? ""
            let page = try object(try await world.must("org.riskd.meeting.List", #"{\#(asOf)"limit":1\#(cursor)}"#))
            paged += rows(page)
            after = page["next"] as? Int
        } while after != nil
        return paged
    }

    /// The meetings of a `meeting.List` with `parameters`, each as "ID STATUS".
    static func meetings(_ world: HistoryWorld, _ parameters: String) async throws -> [String] {
        rows(try object(try await world.must("org.riskd.meeting.List", parameters)))
    }

    /// The meetings of a page, each as "ID STATUS".
    static func rows(_ page: [String: Any]) -> [String] {
        (page["meetings"] as? [[String: Any]] ?? []).map { meeting in
            "\(meeting["id"] as? Int ?? 0) \(meeting["status"] as? String ?? "")"
        }
    }

    /// `text`, a JSON object.
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
