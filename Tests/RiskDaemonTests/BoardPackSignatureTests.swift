import Foundation
import RiskCore
import RiskDaemon
import Testing

/// The pack's sentence about signed confirmations, against registers where none, some and all of the latest
/// confirmations are signed with the member's own SSH key.
@Suite("The board pack marks signed confirmations")
struct BoardPackSignatureTests {
    static func member(_ user: String, confirmed: Bool, signed: Bool) -> MemberFacts {
        MemberFacts(
            user: user,
            onBoard: true,
            firstSeenOn: CalendarDate("2026-09-01")!,
            lastConfirmedOn: confirmed ? CalendarDate("2026-12-01")! : nil,
            acknowledgedVersions: [],
            lastConfirmationSigned: signed
        )
    }

    static func html(_ members: [MemberFacts]) -> String {
        var facts = BoardPackRenderTests.facts
        facts.register.members = members
        return BoardPackTemplate.builtIn.render(
            BoardPack.build(facts, policy: ReviewPolicy(), viewer: .registerKeeper)
        )
    }

    @Test(arguments: [
        ([("ana", true, false), ("marko", true, false)], "None of the 2 latest confirmations is signed"),
        (
            [("ana", true, true), ("marko", true, false), ("ivan", false, false)],
            "1 of the 2 latest confirmations is signed with the member"
        ),
        ([("ana", true, true), ("marko", true, true)], "All 2 latest confirmations are signed"),
        ([("ana", true, true)], "The latest confirmation is signed"),
        ([("ana", true, false)], "The latest confirmation is not signed"),
    ])
    func sentence(members: [(String, Bool, Bool)], expected: String) {
        let html = Self.html(members.map { Self.member($0.0, confirmed: $0.1, signed: $0.2) })
        #expect(html.contains(expected), "\(expected)")
        #expect(html.components(separatedBy: "latest confirmation").count == 2, "one sentence, once")
    }

    @Test func someNamesWhoSigned() {
        let html = Self.html([
            Self.member("ana", confirmed: true, signed: true), Self.member("marko", confirmed: true, signed: false),
        ])
        #expect(html.contains("(riskctl audit attestations): ana; the others rest on riskd"))
    }

    @Test func noSentenceBeforeAnyConfirmation() {
        let html = Self.html([Self.member("ana", confirmed: false, signed: false)])
        #expect(!html.contains("latest confirmation"))
    }
}
