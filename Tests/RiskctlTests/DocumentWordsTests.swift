import RiskCore
import RiskProtocol
import Testing

@testable import riskctl

@Suite("riskctl's documents write dates, lists and kinds as riskd's do")
struct DocumentWordsTests {
    @Test(
        "Days as PeopleWords writes them",
        arguments: ["2026-12-06", "2027-01-01", "2024-02-29", "1999-09-09", "2026-05-31"]
    )
    func day(text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(DocumentWords.day(text) == PeopleWords.day(date))
        #expect(DocumentWords.day(text + "T03:55:34Z") == PeopleWords.day(date))
    }

    @Test("Times as PeopleWords writes them", arguments: ["2026-12-06T03:55:34Z", "2027-01-01T23:59:59Z"])
    func time(text: String) throws {
        let instant = try #require(Instant(rfc3339: text))
        #expect(DocumentWords.time(text) == PeopleWords.time(instant))
    }

    @Test("Lists and counts as PeopleWords writes them", arguments: [0, 1, 2, 3, 5])
    func lists(count: Int) {
        let items = ["Ana", "Ivan", "Marko", "Zora", "Đorđe"].prefix(count).map { $0 }
        #expect(DocumentWords.list(items) == PeopleWords.list(items))
        #expect(DocumentWords.count(count, "board member") == PeopleWords.count(count, "board member"))
    }

    @Test("Every interest kind in PeopleWords' words", arguments: InterestKind.allCases)
    func kind(kind: InterestKind) {
        #expect(DocumentWords.kind(kind.rawValue) == kind.words)
    }

    @Test("Text riskd did not write as a date comes back as it came", arguments: ["", "soon", "2026-13-01"])
    func notADate(text: String) {
        #expect(DocumentWords.day(text) == text)
    }
}
