import RiskCore
import Testing

@Suite("A person's name: what SetName stores, and which name documents use")
struct PersonNameTests {
    @Test(
        "Names documents may print are kept, trimmed",
        arguments: [
            ("Ana Petrović", "Ana Petrović"),
            ("  Marko Ilić ", "Marko Ilić"),
            ("Đorđe Đokić-Šarić", "Đorđe Đokić-Šarić"),
            ("Иван Хорват", "Иван Хорват"),
            (String(repeating: "a", count: 200), String(repeating: "a", count: 200)),
        ]
    )
    func accepted(given: String, stored: String) throws {
        #expect(try PersonName.validated(given) == stored)
    }

    @Test(
        "Other names are refused, naming the field and the reason",
        arguments: [
            ("", "must not be empty"),
            ("   ", "must not be empty"),
            ("Ana\nPetrović", "must be one line, with no line breaks"),
            ("Ana\u{2028}Petrović", "must be one line, with no line breaks"),
            ("Ana\tPetrović", "must not contain control characters such as tabs"),
            ("Ana\u{85}Petrović", "must be one line, with no line breaks"),
            ("Ana\u{202E}ćivorteP", "must not contain bidirectional controls"),
            ("Ana\u{2066}x", "must not contain bidirectional controls"),
            (String(repeating: "a", count: 201), "must be at most 200 characters, not 201"),
        ]
    )
    func refused(given: String, reason: String) {
        #expect(throws: DomainError.invalidValue("name", reason)) { try PersonName.validated(given) }
    }

    @Test(
        "The name set wins over the account's full name; none when neither",
        arguments: [
            ("Ana Petrović" as String?, "Ana P." as String?, "Ana Petrović" as String?),
            (nil, "Ana P.", "Ana P."),
            ("Ana Petrović", nil, "Ana Petrović"),
            (nil, nil, nil),
        ]
    )
    func chosen(set: String?, account: String?, expected: String?) {
        #expect(PersonName.chosen(set: set, account: account) == expected)
    }
}
