import Foundation
import RiskCore
import RiskDaemon
import Testing

@Suite("The board pack as HTML")
struct BoardPackRenderTests {
    static let asOf = Instant(rfc3339: "2026-12-15T12:00:00Z")!
    static let head = String(repeating: "5e", count: 32)

    static func risk(_ id: Int, _ title: String, rating: (Int, Int), category: String = "governance") -> Risk {
        Risk(
            id: id,
            revision: 1,
            title: title,
            description: "",
            category: category,
            area: nil,
            owner: "secretariat",
            likelihood: rating.0,
            impact: rating.1,
            residualLikelihood: nil,
            residualImpact: nil,
            status: .open,
            acceptedUntil: nil,
            closeReason: nil,
            nextReviewDue: CalendarDate("2027-06-01")!,
            reviewDueFixed: false,
            lastReviewedAt: nil,
            createdAt: asOf,
            updatedAt: asOf
        )
    }

    static func interest(_ id: Int, _ declarant: String, _ organisation: String, sensitive: Bool) -> Interest {
        Interest(
            id: id,
            revision: 1,
            declarant: declarant,
            declarantUID: 1000,
            kind: .family,
            organisation: organisation,
            organisationId: nil,
            description: "",
            value: nil,
            sensitive: sensitive,
            startedOn: CalendarDate("2026-01-10")!,
            endedOn: nil,
            declaredAt: Instant(rfc3339: "2026-01-12T10:00:00Z")!,
            late: false,
            managementPlan: nil,
            managedBy: nil,
            managedAt: nil
        )
    }

    static let facts = BoardPackFacts(
        asOf: asOf,
        auditHead: head,
        register: ReviewSnapshot(
            risks: [
                risk(1, "Funding <script>alert(1)</script> & \"overlap\"", rating: (5, 4), category: "financial"),
                risk(2, "Low one", rating: (1, 1)),
                risk(3, "Medium one", rating: (2, 3)),
                risk(4, "High one", rating: (3, 4)),
            ],
            appetites: ["financial": 12]
        ),
        declarations: [
            interest(5, "ana", "Western Balkan Fund", sensitive: true),
            interest(6, "marko", "Open <Society> Foundations", sensitive: false),
        ]
    )

    static let agenda = BoardPack.Agenda(
        meetingId: 3,
        title: "Board meeting",
        date: CalendarDate("2027-01-20")!,
        items: [
            .init(
                number: 4,
                title: "Call WBF-2027 partners",
                organisations: ["Western Balkan Fund", "Udruženje Prevent"],
                recusals: [
                    .init(
                        declarant: "ana",
                        kind: "family",
                        organisation: "Western Balkan Fund",
                        match: .exact,
                        declaredInAdvance: true,
                        action: .leftRoom,
                        sensitive: true
                    ),
                    .init(
                        declarant: "marko",
                        kind: "employment",
                        organisation: "Udruženje Prevent",
                        match: .possible,
                        declaredInAdvance: false,
                        action: nil,
                        sensitive: false
                    ),
                ]
            ),
            .init(number: 5, title: "Annual accounts", organisations: [], recusals: []),
        ]
    )

    func render(_ viewer: InterestViewer = .registerKeeper, agenda: BoardPack.Agenda? = nil) -> String {
        BoardPackTemplate.builtIn.render(
            BoardPack.build(Self.facts, policy: ReviewPolicy(), viewer: viewer, agenda: agenda)
        )
    }

    /// The cells of the heat map titled `title`, row by row from likelihood 5 down, as "letter count" ("H" when
    /// empty): what a reader of a black-and-white print sees.
    func cells(_ html: String, map title: String) -> [String] {
        guard let start = html.range(of: "<h3>\(title) ("),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let table = html[start.upperBound..<end.lowerBound]
        let pattern =
            /<td class="band-(\w+)[^"]*" title="\w+"><span class="letter">(\w)<\/span>(?:<br><span class="count">(\d+)<\/span>)?<\/td>/
        return table.matches(of: pattern).map { match in
            [String(match.output.2), match.output.3.map(String.init)].compactMap { $0 }.joined(separator: " ")
        }
    }

    @Test("Every heat map cell carries its band's letter, and its count when it has risks") func letters() {
        let html = render()
        let inherent = cells(html, map: "Inherent")
        #expect(inherent.count == 25)
        // Row L5: I1..I5 are 5, 10, 15, 20, 25 (M H H C C); R-1 is 5 × 4.
        #expect(Array(inherent[0..<5]) == ["M", "H", "H", "C 1", "C"])
        // Row L1: 1..5, all low but 5.
        #expect(Array(inherent[20..<25]) == ["L 1", "L", "L", "L", "M"])
        #expect(inherent[12] == "M")  // L3 × I3 = 9
        #expect(inherent[11] == "M")  // L3 × I2 = 6
        #expect(inherent[13] == "H 1")  // L3 × I4 = 12: R-4
        #expect(inherent[17] == "M 1")  // L2 × I3 = 6: R-3
    }

    @Test("Data is escaped: a title or an organisation never becomes markup") func escaping() {
        let html = render()
        #expect(!html.contains("<script"))
        #expect(html.contains("Funding &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;overlap&quot;"))
        #expect(html.contains("Open &lt;Society&gt; Foundations"))
    }

    @Test("Self-contained: no script, nothing loaded from elsewhere, A4 print CSS") func selfContained() {
        let html = render(agenda: Self.agenda)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.contains("@page { size: A4;"))
    }

    @Test(
        "Another member's sensitive declaration and recusal are withheld: its organisation is not in the page",
        arguments: [
            (InterestViewer.registerKeeper, true),
            (InterestViewer.boardMember("ana", seesRegister: true), true),
            (InterestViewer.boardMember("marko", seesRegister: true), false),
        ]
    )
    func withheld(viewer: InterestViewer, seesSensitive: Bool) {
        var facts = Self.facts
        facts.register.risks = []
        let agenda = BoardPack.Agenda(
            meetingId: 3,
            title: "Board meeting",
            date: CalendarDate("2027-01-20")!,
            items: [
                .init(
                    number: 1,
                    title: "Grants",
                    organisations: [],
                    recusals: Self.agenda.items[0].recusals
                )
            ]
        )
        let html = BoardPackTemplate.builtIn.render(
            BoardPack.build(facts, policy: ReviewPolicy(), viewer: viewer, agenda: agenda)
        )
        #expect(html.contains("Western Balkan Fund") == seesSensitive)
        #expect(html.contains("class=\"withheld\">withheld</") == !seesSensitive)
        #expect(html.contains("<td>ana</td>"))
    }

    @Test("A cut list says how many it left out, and only then") func omitted() {
        var facts = Self.facts
        facts.register.risks = (1...57).map { Self.risk($0, "Overdue \($0)", rating: (5, 5), category: "financial") }
        for index in facts.register.risks.indices {
            facts.register.risks[index].nextReviewDue = CalendarDate("2026-01-01")!
        }
        let cut = BoardPackTemplate.builtIn.render(
            BoardPack.build(facts, policy: ReviewPolicy(), viewer: .registerKeeper)
        )
        #expect(cut.contains("The 50 longest overdue of 57; 7 more"))
        #expect(cut.contains("The 50 highest of 57; 7 more are above"))
        #expect(!cut.contains("<td>R-51</td><td>Overdue 51</td><td>secretariat</td>"))
        #expect(!render().contains("more are above"))
    }

    @Test("The same pack renders to the same bytes; the footer prints the audit head") func reproducible() {
        let first = render(agenda: Self.agenda)
        #expect(first == render(agenda: Self.agenda))
        #expect(first.contains("<span class=\"head\">\(Self.head)</span>"))
        #expect(first.contains("2026-12-15T12:00:00Z"))
    }

    @Test("The agenda section: items in order, organisations, recusals with how they were declared and acted on")
    func agendaSection() throws {
        let html = render(agenda: Self.agenda)
        let section = try #require(html.range(of: "<section id=\"agenda\">"))
        let agenda = String(html[section.lowerBound...])
        #expect(agenda.contains("Agenda of M-3: Board meeting, 20 January 2027"))
        #expect(agenda.contains("<td>Western Balkan Fund; Udruženje Prevent</td>"))
        #expect(
            agenda.contains(
                "ana <span class=\"sensitive\">sensitive</span>: family, Western Balkan Fund, the name matches, "
                    + "declared in advance; left the room"
            )
        )
        #expect(
            agenda.contains(
                "marko: employment, Udruženje Prevent, a possible match, declared at the meeting; no action recorded"
            )
        )
        #expect(!agenda.contains("left-room") && !agenda.contains("left_room") && !agenda.contains("declared_at"))
        let four = try #require(agenda.range(of: "Call WBF-2027 partners"))
        let five = try #require(agenda.range(of: "Annual accounts"))
        #expect(four.lowerBound < five.lowerBound)
        #expect(!render().contains("<section id=\"agenda\">"))
    }

    @Test(
        "A broken template is refused with where it breaks",
        arguments: [
            ("<p>{{#risks}}never closed</p>", "line"),
            ("<p>{{#a}}x{{/b}}</p>", "another name"),
            ("<p>{{title</p>", "not closed"),
        ]
    )
    func brokenTemplate(text: String, expected: String) {
        #expect(throws: BoardPackTemplate.Failure.self) { try BoardPackTemplate(text: text, path: nil) }
        do {
            _ = try BoardPackTemplate(text: text, path: nil)
        } catch {
            #expect(error.reason.contains(expected), "\(error.reason)")
        }
    }

    @Test("report.template: a broken or missing file stops the configuration with the key and its line")
    func configuration() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.mustache").path
        let broken = directory.appendingPathComponent("broken.mustache").path
        try "<html>{{asOfExact}} {{auditHead}}</html>".write(toFile: good, atomically: true, encoding: .utf8)
        try "<html>{{#heatMaps}}</html>".write(toFile: broken, atomically: true, encoding: .utf8)
        let defaults = Configuration(paths: .system)
        func load(_ path: String) throws(ConfigurationError) -> Configuration {
            try ConfigurationLoader.load(
                text: "[log]\nlevel = \"info\"\n\n[report]\ntemplate = \"\(path)\"\n",
                file: "riskd.toml",
                defaults: defaults
            )
        }
        let loaded = try load(good)
        #expect(loaded.report.templatePath == good)
        let pack = BoardPack.build(Self.facts, policy: ReviewPolicy(), viewer: .registerKeeper)
        #expect(loaded.report.template.render(pack) == "<html>2026-12-15T12:00:00Z \(Self.head)</html>")
        for (path, reason) in [(broken, "is not a valid Mustache template: line 1"), (good + ".gone", "cannot read")] {
            #expect {
                try load(path)
            } throws: { error in
                guard let error = error as? ConfigurationError else { return false }
                return error.key == "report.template" && error.line == 5 && error.reason.contains(reason)
            }
        }
        #expect(
            try ConfigurationLoader.load(text: "", file: "riskd.toml", defaults: defaults).report.templatePath == nil
        )
    }
}
