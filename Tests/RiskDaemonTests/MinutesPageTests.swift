import RiskCore
import Testing

@testable import RiskDaemon

/// The minutes as an HTML page: the Markdown's sentences, escaped for HTML, self-contained.
@Suite("Minutes page")
struct MinutesPageTests {
    static let record = MeetingRecord(
        meeting: Meeting(
            id: 3,
            revision: 4,
            title: "Board <b>meeting</b>",
            date: CalendarDate(year: 2027, month: 3, day: 5)!,
            status: .published,
            createdBy: "ana"
        ),
        items: [
            MeetingItem(id: 4, meetingId: 3, number: 1, title: "Grants & calls", organisations: ["WBF"], decision: true)
        ],
        recusals: [
            Recusal(
                id: 9,
                meetingId: 3,
                itemId: 4,
                declarant: "ivan",
                interestId: 7,
                kind: "funding",
                organisation: "<script>alert(1)</script>",
                asked: "WBF",
                sensitive: false,
                match: .exact,
                declaredInAdvance: true,
                action: .leftRoom,
                quorate: true
            )
        ]
    )

    @Test("The page holds the sentences of the Markdown, escaped, with no script and nothing fetched")
    func page() {
        let html = MinutesPage.render(Self.record)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("5 March 2027") && !html.contains("2027-03-05"))
        #expect(html.contains("Board &lt;b&gt;meeting&lt;/b&gt;") && !html.contains("<b>meeting"))
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script"))
        #expect(html.contains("Item 1: Grants &amp; calls"))
        #expect(html.contains("declared in advance. Left the room for the item; the meeting remained quorate."))
        #expect(!html.contains("src=") && !html.contains("href="))
    }

    @Test("Members by their names and the organisation in the title; a login without a name as it is")
    func names() {
        let named = MinutesPage.render(Self.record, names: ["ivan": "Ivan Horvat"], organisation: "Drug Policy Network")
        #expect(named.contains("<title>Drug Policy Network: Declarations of interest"))
        #expect(named.contains("<p class=\"organisation\">Drug Policy Network</p>"))
        #expect(named.contains("<strong>Ivan Horvat</strong>") && !named.contains("<strong>ivan</strong>"))
        #expect(Minutes.markdown(Self.record, names: ["ivan": "Ivan Horvat"]).contains("**Ivan Horvat**"))
        let plain = MinutesPage.render(Self.record)
        #expect(plain.contains("<title>Declarations of interest") && plain.contains("<strong>ivan</strong>"))
        #expect(!plain.contains("class=\"organisation\""))
    }

    @Test(
        "Only markdown and html are formats",
        arguments: [(nil as String?, false), ("markdown", false), ("html", true)]
    )
    func formats(format: String?, html: Bool) throws {
        #expect(try MinutesPage.wantsHTML(format: format) == html)
    }

    @Test("Any other format is refused, naming the field")
    func unknownFormat() {
        #expect(throws: DomainError.invalidValue("format", "must be markdown or html, not \"pdf\"")) {
            try MinutesPage.wantsHTML(format: "pdf")
        }
    }
}
