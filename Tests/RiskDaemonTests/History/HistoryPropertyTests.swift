import Foundation
import Testing

@testable import RiskDaemon

/// Every register as of any date: a document riskd makes for a past time reads the same, byte for byte, after any
/// later change, and an erasure takes the text out of every version.
///
/// A register is built, then, epoch after epoch, its documents for the time just past are made (the board pack,
/// its confidential copy and one with a meeting's agenda, the public register, the minutes, the meeting, the
/// declarations, the members with their roles, the meetings) and random changes of every kind follow (the board's
/// membership and its members' admin and auditor roles, names, actions, risks,
/// declarations' sensitivity, end and text, the registry, meetings and their recusals, cancellations, confirmations,
/// the code). After each epoch every document made before is made again and compared. The changes are drawn from
/// a seeded generator, so a failure names its seed and replays.
@Suite("Every register as of any date", .serialized)
struct HistoryPropertyTests {
    /// The documents made for `asOf`, each as (method, parameters), called by the administrator.
    static func documents(asOf: String) -> [(String, String)] {
        [
            ("org.riskd.report.Board", #"{"asOf":"\#(asOf)"}"#),
            ("org.riskd.report.Board", #"{"asOf":"\#(asOf)","confidential":true}"#),
            ("org.riskd.report.Board", #"{"asOf":"\#(asOf)","meetingId":1}"#),
            ("org.riskd.interest.Register", #"{"asOf":"\#(asOf)"}"#),
            ("org.riskd.meeting.Minutes", #"{"id":1,"asOf":"\#(asOf)","format":"html"}"#),
            ("org.riskd.meeting.Get", #"{"id":1,"asOf":"\#(asOf)"}"#),
            ("org.riskd.interest.List", #"{"asOf":"\#(asOf)","limit":1000}"#),
            ("org.riskd.member.List", #"{"asOf":"\#(asOf)"}"#),
            ("org.riskd.meeting.List", #"{"asOf":"\#(asOf)"}"#),
        ]
    }

    /// A document as it was first made.
    struct Document {
        var method: String
        var parameters: String
        var reply: String
    }

    @Test("Documents for a past time read the same after any later change", arguments: [1, 2, 3, 27] as [UInt64])
    func documentsStay(seed: UInt64) async throws {
        let world = try HistoryWorld()
        try await world.seed()
        var random = SeededGenerator(seed: seed)
        var changes = HistoryChanges(world: world)
        var documents: [Document] = []
        for _ in 0..<4 {
            // The documents of the time just past, made the next day: a pack of today may still name a board
            // member riskd has not seen yet, and so read differently later that day.
            let asOf = world.now.description
            world.advance(86_400)
            for (method, parameters) in Self.documents(asOf: asOf) {
                let reply = try await world.must(method, parameters)
                documents.append(Document(method: method, parameters: parameters, reply: reply))
            }
            for _ in 0..<25 {
                world.advance(3_600)
                await changes.apply(random.next(upTo: HistoryChanges.kinds), &random)
            }
            for document in documents {
                let again = await world.call(document.method, document.parameters)
                #expect(again == document.reply, "seed \(seed): \(document.method) \(document.parameters) changed")
            }
        }
        #expect(changes.applied.count >= 40, "seed \(seed): too few changes took effect: \(changes.applied)")
        #expect(Set(changes.applied).count >= 12, "seed \(seed): too few kinds of change: \(Set(changes.applied))")
    }

    @Test("An erasure takes the text out of every version, and leaves every other document as it was")
    func erasureWins() async throws {
        let world = try HistoryWorld()
        try await world.seed()
        // The gift gets a second version with new text before anything is made: both texts must go.
        world.advance(3_600)
        try await world.must("org.riskd.interest.Update", #"{"id":1,"description":"A dinner and a concert 4712"}"#)
        let asOf = world.now.description
        world.advance(86_400)
        var documents: [Document] = []
        for (method, parameters) in Self.documents(asOf: asOf) {
            documents.append(
                Document(method: method, parameters: parameters, reply: try await world.must(method, parameters))
            )
        }
        let texts = ["A dinner 4711", "A dinner and a concert 4712"]
        #expect(documents.contains { $0.reply.contains(texts[1]) }, "the register showed the text before")
        #expect(try world.databaseBytes().range(of: Data(texts[0].utf8)) != nil, "the first version held the text")
        world.advance(3_600)
        try await world.must("org.riskd.interest.Erase", #"{"id":1,"reason":"The member asked for it"}"#)
        for document in documents {
            let again = await world.call(document.method, document.parameters)
            for text in texts { #expect(!again.contains(text), "\(document.method) still shows \(text)") }
            if !texts.contains(where: document.reply.contains) {
                #expect(again == document.reply, "\(document.method) \(document.parameters) changed")
            }
        }
        let bytes = try world.databaseBytes()
        for text in texts { #expect(bytes.range(of: Data(text.utf8)) == nil, "the database file still holds \(text)") }
    }
}

/// A small seeded generator (SplitMix64), so that a run replays from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `elements`.
    mutating func pick<T>(_ elements: [T]) -> T { elements[next(upTo: elements.count)] }
}
