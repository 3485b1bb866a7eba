import RiskCore
import Testing

/// `SubjectReader.hidden`: the subjects an audit entry or a finding may name that a reader may not learn of, by the
/// concerns' and the interests' own rules.
@Suite("Subjects hidden from a reader")
struct SubjectReaderTests {
    static let raisedAt = Instant(secondsSinceEpoch: 1_800_000_000)
    /// Concern 1 raised by lejla about ana; concern 2 raised by ana about nobody.
    static let concerns = [
        Concern(id: 1, raisedBy: "lejla", about: "ana", kind: .undeclaredInterest, text: "t", raisedAt: raisedAt),
        Concern(id: 2, raisedBy: "ana", about: nil, kind: .other, text: "t", raisedAt: raisedAt),
    ]
    /// Interest 7 is ivan's and sensitive; interest 8 is ivan's and not; interest 9 is ana's and sensitive.
    static let interests = [
        (id: 7, declarant: "ivan", sensitive: true), (id: 8, declarant: "ivan", sensitive: false),
        (id: 9, declarant: "ana", sensitive: true),
    ]

    @Test(
        "Each reader is hidden what the concerns' and interests' rules keep from them",
        arguments: [
            ("an auditor, about whom nothing was raised", "marko", true, nil as Bool?, [String]()),
            ("an admin the concern is about", "ana", true, nil, ["concern:1"]),
            (
                "the member a concern is about, register closed", "ana", false, false,
                ["concern:1", "interest:7", "interest:8"]
            ),
            ("the member a concern is about, register open", "ana", false, true, ["concern:1", "interest:7"]),
            (
                "the author of a concern, register open", "lejla", false, true,
                ["concern:2", "interest:7", "interest:9"]
            ),
        ] as [(String, String, Bool, Bool?, [String])]
    )
    func hidden(_ name: String, user: String, keepsRegister: Bool, boardSeesRegister: Bool?, expected: [String]) {
        let reader = SubjectReader(
            user: user,
            keepsRegister: keepsRegister,
            interests: boardSeesRegister.map { .boardMember(user, seesRegister: $0) } ?? .registerKeeper
        )
        #expect(reader.hidden(concerns: Self.concerns, interests: Self.interests) == expected, "\(name)")
    }
}
