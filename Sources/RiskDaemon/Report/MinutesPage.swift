import Mustache
import RiskCore

/// The minutes' "Declarations of interest" as one self-contained HTML5 page (inline CSS, no script, nothing fetched,
/// printable on A4), as `meeting.Minutes` returns it with `format: "html"`.
///
/// The sentences are `Minutes.document`'s, the same the Markdown holds; Mustache escapes every `{{value}}` for HTML
/// and the context holds text only, so a title or an organisation's name cannot become markup.
enum MinutesPage {
    /// The formats `meeting.Minutes` knows; the Markdown is always returned, the page only when asked.
    static let formats = ["markdown", "html"]

    /// Whether `format` asks for the page: `nil` and `markdown` do not, `html` does.
    ///
    /// - Throws: `invalidValue` on `format` for anything else, naming the formats.
    static func wantsHTML(format: String?) throws(DomainError) -> Bool {
        guard let format else { return false }
        guard formats.contains(format) else {
            throw .invalidValue("format", "must be markdown or html, not \"\(format)\"")
        }
        return format == "html"
    }

    /// `record` as its reader sees it, as a page, members named by `names` and titled with `organisation`.
    static func render(_ record: MeetingRecord, names: [String: String] = [:], organisation: String? = nil) -> String {
        template.render(
            context(Minutes.document(record, names: names), meetingId: record.meeting.id, organisation: organisation)
        )
    }

    /// The Mustache context: the document's sentences, nothing else.
    static func context(_ document: Minutes.Document, meetingId: Int, organisation: String? = nil) -> [String: Any] {
        var context: [String: Any] = [
            "title": document.title, "date": document.date, "lead": document.lead, "meetingId": meetingId,
            "items": document.items.map { item -> [String: Any] in
                var fields: [String: Any] = [
                    "heading": item.heading,
                    "anyEntries": !item.entries.isEmpty,
                    "entries": item.entries.map { ["member": $0.member, "text": $0.text] },
                ]
                if let none = item.none { fields["none"] = none }
                return fields
            },
        ]
        if let organisation { context["organisation"] = organisation }
        return context
    }

    private static let template: MustacheTemplate = {
        let text = String(decoding: PackageResources.minutes_mustache, as: UTF8.self)
        do {
            return try MustacheTemplate(string: text)
        } catch {
            // Built into the binary and rendered by the tests (MinutesPageTests): it cannot fail at run time.
            fatalError("the built-in minutes template does not parse: \(error)")
        }
    }()
}
