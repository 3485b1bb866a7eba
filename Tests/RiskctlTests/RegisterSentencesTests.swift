import RiskProtocol
import Testing

@testable import riskctl

@Suite("What the register page says of everyone and no one is true of its reply")
struct RegisterSentencesTests {
    typealias Standing = InterestInterface.Unconfirmed

    static func reply(
        board: Int,
        _ unconfirmed: [Standing] = [],
        breaches: [InterestInterface.Breach] = [],
        ownOnly: Bool = false,
        confirmations: [InterestInterface.SignedStanding] = []
    ) -> InterestInterface.Register.Reply {
        .init(
            entries: [],
            notConfirmed: unconfirmed.filter(\.overdue).map(\.member),
            breaches: breaches,
            organisation: "Drug Policy Network",
            boardSize: board,
            unconfirmed: unconfirmed,
            ownOnly: ownOnly,
            asOf: "2027-01-10T09:00:00Z",
            confirmations: confirmations
        )
    }

    static let ana = Standing(member: "rkana", name: "Ana Petrović", due: "2026-09-29", overdue: true, never: true)
    static let marko = Standing(member: "rkmarko", name: "Marko Ilić", due: "2027-01-29", overdue: false, never: true)
    static let ivan = Standing(member: "rkivan", name: nil, due: "2026-12-01", overdue: true, never: false)
    static let zora = Standing(member: "rkzora", name: "Zora Kovač", due: nil, overdue: false, never: true)

    @Test(
        "The confirmations sentence",
        arguments: [
            (reply(board: 0), "No one holds the board role, so no one was asked to confirm their declarations."),
            (
                reply(board: 1),
                "The one board member has confirmed their declarations, and the confirmation is not overdue."
            ),
            (
                reply(board: 5),
                "All 5 board members have confirmed their declarations, and no confirmation is overdue."
            ),
            (
                reply(board: 5, [ana, marko]),
                "2 of 5 board members have never confirmed their declarations: Ana Petrović and Marko Ilić."
            ),
            (
                reply(board: 5, [ana, ivan, zora]),
                "2 of 5 board members have never confirmed their declarations: Ana Petrović and Zora Kovač. "
                    + "1 of 5 board members is past the deadline to confirm their declarations again: rkivan."
            ),
            (
                reply(board: 2, [ana, marko]),
                "2 of 2 board members have never confirmed their declarations: "
                    + "Ana Petrović and Marko Ilić."
            ),
            (
                reply(board: 5, ownOnly: true),
                "You have confirmed your declarations, and your confirmation is not overdue."
            ),
            (
                reply(board: 5, [marko], ownOnly: true),
                "You have never confirmed your declarations (due by 29 January 2027)."
            ),
            (
                reply(board: 5, [ivan], ownOnly: true),
                "Your confirmation of your declarations is overdue (it was due on 1 December 2026)."
            ),
        ]
    )
    func confirmations(reply: InterestInterface.Register.Reply, sentence: String) {
        #expect(RegisterSentences.confirmations(reply) == sentence)
    }

    static func signer(_ user: String, _ name: String?, signed: Bool) -> InterestInterface.SignedStanding {
        .init(member: user, name: name, signed: signed)
    }

    @Test(
        "The sentence on signed confirmations: none, some, all",
        arguments: [
            (reply(board: 3), nil),
            (
                reply(board: 3, confirmations: [signer("rkana", "Ana Petrović", signed: false)]),
                "The latest confirmation is not signed with the member's own SSH key: it rests on riskd's record alone."
            ),
            (
                reply(
                    board: 3,
                    confirmations: [
                        signer("rkana", "Ana Petrović", signed: false), signer("rkivan", nil, signed: false),
                    ]
                ),
                "None of the 2 latest confirmations is signed with the member's own SSH key: they rest on riskd's "
                    + "record alone."
            ),
            (
                reply(
                    board: 3,
                    confirmations: [
                        signer("rkana", "Ana Petrović", signed: true), signer("rkivan", nil, signed: false),
                        signer("rkmarko", "Marko Ilić", signed: true),
                    ]
                ),
                "2 of the 3 latest confirmations are signed with the member's own SSH key, which anyone can check "
                    + "with OpenSSH alone: Ana Petrović and Marko Ilić; the others rest on riskd's record alone."
            ),
            (
                reply(
                    board: 3,
                    confirmations: [signer("rkana", "Ana Petrović", signed: true), signer("rkivan", nil, signed: true)]
                ),
                "All 2 latest confirmations are signed with the members' own SSH keys; anyone can check them with "
                    + "OpenSSH alone."
            ),
            (
                reply(board: 3, ownOnly: true, confirmations: [signer("rkivan", nil, signed: true)]),
                "Your latest confirmation is signed with your own SSH key; anyone can check it with OpenSSH alone."
            ),
        ] as [(InterestInterface.Register.Reply, String?)]
    )
    func signatures(reply: InterestInterface.Register.Reply, sentence: String?) {
        #expect(RegisterSentences.signatures(reply) == sentence)
    }

    @Test(
        "A member's standing",
        arguments: [
            (ana, "never confirmed; overdue: was due on 29 September 2026"),
            (marko, "never confirmed; due by 29 January 2027"),
            (ivan, "overdue: was due on 1 December 2026"),
            (zora, "never confirmed; has not used riskd yet"),
        ]
    )
    func standing(member: Standing, words: String) {
        #expect(RegisterSentences.standing(member) == words)
    }

    @Test(
        "The breaches sentence",
        arguments: [
            (reply(board: 3), "No concern that a member left an interest undeclared has been upheld."),
            (
                reply(
                    board: 3,
                    breaches: [
                        .init(member: "rkana", concernId: 4, decidedOn: "2026-10-02", memberName: "Ana Petrović")
                    ]
                ),
                "1 concern that a member left an interest undeclared was upheld, about Ana Petrović."
            ),
            (
                reply(
                    board: 3,
                    breaches: [
                        .init(member: "rkana", concernId: 4, decidedOn: "2026-10-02", memberName: "Ana Petrović"),
                        .init(member: "rkivan", concernId: 7, decidedOn: "2026-11-02", memberName: nil),
                        .init(member: "rkana", concernId: 9, decidedOn: "2026-12-02", memberName: "Ana Petrović"),
                    ]
                ),
                "3 concerns that a member left an interest undeclared were upheld, about Ana Petrović and rkivan."
            ),
            (reply(board: 3, ownOnly: true), "No concern that you left an interest undeclared has been upheld."),
            (
                reply(
                    board: 3,
                    breaches: [.init(member: "rkana", concernId: 4, decidedOn: "2026-10-02", memberName: nil)],
                    ownOnly: true
                ),
                "1 concern that you left an interest undeclared was upheld."
            ),
        ]
    )
    func breaches(reply: InterestInterface.Register.Reply, sentence: String) {
        #expect(RegisterSentences.breaches(reply) == sentence)
    }
}
