import RiskCore
import Testing

@Suite("The public register: who of the board has not confirmed, by the pack's rule")
struct PublicRegisterTests {
    static let day = CalendarDate("2027-01-10")!

    static func member(
        _ user: String,
        firstSeen: String,
        confirmed: String? = nil,
        onBoard: Bool = true
    )
        -> MemberFacts
    {
        MemberFacts(
            user: user,
            onBoard: onBoard,
            firstSeenOn: CalendarDate(firstSeen)!,
            lastConfirmedOn: confirmed.map { CalendarDate($0)! },
            acknowledgedVersions: []
        )
    }

    /// (members, unseen holders, board size, the standing of each not confirmed as user/due/overdue/never,
    /// overdue logins).
    @Test(
        "Board size and who has not confirmed",
        arguments: [
            // Empty: no board.
            ([], [], 0, [], []),
            // Everyone confirmed within the year.
            (
                [
                    member("ana", firstSeen: "2026-06-01", confirmed: "2026-06-10"),
                    member("marko", firstSeen: "2026-06-01", confirmed: "2026-12-01"),
                ],
                [], 2, [], []
            ),
            // Never confirmed, not yet due: still named, not overdue.
            ([member("ana", firstSeen: "2027-01-01")], [], 1, ["ana 2027-01-29 due never"], []),
            // Never confirmed and overdue; confirmed a year and more ago; one who confirmed; one off the board.
            (
                [
                    member("ana", firstSeen: "2026-06-01"),
                    member("ivan", firstSeen: "2025-06-01", confirmed: "2025-12-01"),
                    member("marko", firstSeen: "2026-06-01", confirmed: "2026-06-10"),
                    member("old", firstSeen: "2025-01-01", onBoard: false),
                ],
                [], 3, ["ana 2026-06-29 overdue never", "ivan 2026-12-01 overdue"], ["ana", "ivan"]
            ),
            // A holder of the board role riskd has not seen yet counts, with nothing due.
            (
                [member("ana", firstSeen: "2026-06-01", confirmed: "2026-06-10")],
                ["ana", "zora"], 2, ["zora none due never"], []
            ),
        ] as [([MemberFacts], [String], Int, [String], [String])]
    )
    func standing(members: [MemberFacts], unseen: [String], size: Int, missing: [String], overdue: [String]) {
        let register = PublicRegister(
            interests: [],
            members: members,
            unseenBoard: unseen,
            policy: ReviewPolicy(),
            day: Self.day
        )
        #expect(register.boardSize == size)
        #expect(
            register.unconfirmed.map { standing in
                "\(standing.user) \(standing.due?.description ?? "none") \(standing.overdue ? "overdue" : "due")"
                    + (standing.never ? " never" : "")
            } == missing
        )
        #expect(register.notConfirmed == overdue)
    }
}
