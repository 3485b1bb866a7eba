import RiskCore
import Testing

@Suite("Ethical code rules")
struct EthicsRulesTests {
    static let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)
    static let hashOne = String(repeating: "a", count: 64)
    static let hashTwo = String(repeating: "b", count: 64)

    /// Version `version`, current when it is the highest published.
    static func code(_ version: Int, sha256: String = hashTwo) -> EthicsCode {
        EthicsCode(
            version: version,
            title: "Code of Ethics",
            body: "Be honest.",
            sha256: sha256,
            publishedAt: now,
            publishedBy: "marko"
        )
    }

    @Test("Version numbers follow the previous one", arguments: [(nil, 1), (1, 2), (2, 3), (41, 42)] as [(Int?, Int)])
    func version(previous: Int?, expected: Int) throws {
        let code = try EthicsRules.publish(
            title: "Code of Ethics",
            body: "Be honest.\n",
            sha256: Self.hashOne,
            previous: previous,
            by: "marko",
            now: Self.now
        )
        #expect(code.version == expected)
        #expect(code.publishedBy == "marko" && code.publishedAt == Self.now && code.sha256 == Self.hashOne)
    }

    @Test("The title is trimmed; the body is kept exactly as sent, so its hash is of what was sent")
    func bodyVerbatim() throws {
        let body = "  # Code\n\n1. Be honest.\t\n\n"
        let code = try EthicsRules.publish(
            title: "  Code of Ethics  ",
            body: body,
            sha256: Self.hashOne,
            previous: nil,
            by: "marko",
            now: Self.now
        )
        #expect(code.title == "Code of Ethics")
        #expect(code.body == body)
    }

    @Test(
        "Titles and bodies that are refused, with the field named",
        arguments: [
            ("", "Be honest.", "title"),
            ("   ", "Be honest.", "title"),
            ("Code\nof Ethics", "Be honest.", "title"),
            (String(repeating: "t", count: TextLimits.short + 1), "Be honest.", "title"),
            ("Code", "", "body"),
            ("Code", " \n\t\n ", "body"),
            ("Code", "Line one\r\nLine two", "body"),
            ("Code", "Hidden\rclause", "body"),
            ("Code", "Bell\u{07}", "body"),
            ("Code", "Escape \u{1B}[2J sequence", "body"),
            ("Code", "NUL\u{00}", "body"),
            ("Code", "Delete\u{7F}", "body"),
            ("Code", String(repeating: "x", count: EthicsRules.maximumBodyBytes + 1), "body"),
            ("Code", String(repeating: "ž", count: EthicsRules.maximumBodyBytes / 2 + 1), "body"),
        ]
    )
    func refused(title: String, body: String, field: String) {
        do {
            _ = try EthicsRules.publish(
                title: title,
                body: body,
                sha256: Self.hashOne,
                previous: 1,
                by: "marko",
                now: Self.now
            )
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(error.field == field)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test("A body of exactly the limit in UTF-8 bytes is accepted") func bodyAtLimit() throws {
        let body = String(repeating: "ž", count: EthicsRules.maximumBodyBytes / 2)
        #expect(body.utf8.count == EthicsRules.maximumBodyBytes)
        #expect(try EthicsRules.validBody(body) == body)
    }

    @Test(
        "Hex digests",
        arguments: [
            (String(repeating: "0", count: 64), true),
            ("0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef", true),
            (String(repeating: "a", count: 63), false),
            (String(repeating: "a", count: 65), false),
            (String(repeating: "g", count: 64), false),
            ("", false),
            ("sha256:" + String(repeating: "a", count: 57), false),
        ]
    )
    func hexDigest(text: String, expected: Bool) {
        #expect(EthicsRules.isHexDigest(text) == expected)
    }

    /// An acknowledgement request and what it must come to: `nil` for a new acknowledgement, else the error.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var version: Int
        var sha256: String
        var current: Int?
        var expected: DomainError?
        var testDescription: String { name }
    }

    @Test(
        "Acknowledgements: only of the current version, only with its hash",
        arguments: [
            Case(name: "current version, its hash", version: 2, sha256: hashTwo, current: 2, expected: nil),
            Case(name: "its hash in upper case", version: 2, sha256: hashTwo.uppercased(), current: 2, expected: nil),
            Case(
                name: "an older version",
                version: 1,
                sha256: hashOne,
                current: 2,
                expected: .notCurrent(version: 1, current: 2)
            ),
            Case(
                name: "an older version with the current hash",
                version: 1,
                sha256: hashTwo,
                current: 2,
                expected: .notCurrent(version: 1, current: 2)
            ),
            Case(
                name: "a version not published yet",
                version: 3,
                sha256: hashTwo,
                current: 2,
                expected: .notFound(.codeVersion, id: 3)
            ),
            Case(name: "version 0", version: 0, sha256: hashTwo, current: 2, expected: .notFound(.codeVersion, id: 0)),
            Case(
                name: "a negative version",
                version: -1,
                sha256: hashTwo,
                current: 2,
                expected: .notFound(.codeVersion, id: -1)
            ),
            Case(
                name: "nothing published",
                version: 1,
                sha256: hashTwo,
                current: nil,
                expected: .notFound(.codeVersion, id: 1)
            ),
            Case(
                name: "another text's hash",
                version: 2,
                sha256: hashOne,
                current: 2,
                expected: .hashMismatch(version: 2)
            ),
            Case(
                name: "a malformed hash",
                version: 2,
                sha256: "abc",
                current: 2,
                expected: .invalidValue("sha256", "")
            ),
            Case(
                name: "a malformed hash of an old version",
                version: 1,
                sha256: "",
                current: 2,
                expected: .invalidValue("sha256", "")
            ),
        ]
    )
    func acknowledge(_ request: Case) {
        let current = request.current.map { Self.code($0) }
        do {
            let outcome = try EthicsRules.acknowledge(
                version: request.version,
                sha256: request.sha256,
                user: "ana",
                current: current,
                existing: nil,
                now: Self.now
            )
            #expect(request.expected == nil, "accepted, but should be \(String(describing: request.expected))")
            #expect(
                outcome
                    == .new(
                        CodeAcknowledgement(
                            user: "ana",
                            version: request.version,
                            sha256: Self.hashTwo,
                            acknowledgedAt: Self.now
                        )
                    )
            )
        } catch {
            guard let expected = request.expected else {
                Issue.record("refused with \(error)")
                return
            }
            #expect(error.kind == expected.kind)
            #expect(error.field == expected.field)
            if expected.kind != .invalidValue {
                #expect(error == expected)
            }
        }
    }

    @Test("Acknowledging the same version again returns the first acknowledgement") func idempotent() throws {
        let earlier = Instant(rfc3339: "2026-11-01T09:30:00Z") ?? Self.now
        let first = CodeAcknowledgement(user: "ana", version: 2, sha256: Self.hashTwo, acknowledgedAt: earlier)
        let outcome = try EthicsRules.acknowledge(
            version: 2,
            sha256: Self.hashTwo,
            user: "ana",
            current: Self.code(2),
            existing: first,
            now: Self.now
        )
        #expect(outcome == .existing(first))
        #expect(outcome.acknowledgement.acknowledgedAt == earlier)
    }

    @Test("Acknowledging again with another text's hash is still refused") func idempotentNeedsTheHash() {
        let first = CodeAcknowledgement(user: "ana", version: 2, sha256: Self.hashTwo, acknowledgedAt: Self.now)
        #expect(throws: DomainError.hashMismatch(version: 2)) {
            _ = try EthicsRules.acknowledge(
                version: 2,
                sha256: Self.hashOne,
                user: "ana",
                current: Self.code(2),
                existing: first,
                now: Self.now
            )
        }
    }

    @Test(
        "Pending: every member once, sorted, less who acknowledged",
        arguments: [
            (["ivan", "ana", "marko"], ["ana"], ["ivan", "marko"]),
            (["ana", "ana", "ivan"], [], ["ana", "ivan"]),
            (["ana"], ["ana", "lejla"], []),
            ([], ["lejla"], []),
        ] as [([String], [String], [String])]
    )
    func pending(members: [String], acknowledgedBy: [String], expected: [String]) {
        let acknowledged = acknowledgedBy.map {
            CodeAcknowledgement(user: $0, version: 1, sha256: Self.hashOne, acknowledgedAt: Self.now)
        }
        #expect(EthicsRules.pending(members: members, acknowledged: acknowledged) == expected)
    }
}
