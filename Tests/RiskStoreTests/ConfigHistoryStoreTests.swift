import GRDB
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

/// The settings of riskd.toml documents read, from when (`configuration_version`): recorded only when they differ
/// from the last, a change audited, a template kept once, and a past time reading the version then in force.
@Suite("Configuration history")
struct ConfigHistoryStoreTests {
    static let standard = DocumentSettings(
        organisation: "Drug Policy Network",
        template: nil,
        policy: ReviewPolicy(),
        retainEndedDays: 365
    )

    static func at(_ text: String) -> Instant { Instant(rfc3339: text)! }

    static func actor(_ text: String) -> RiskDatabase.Actor {
        .daemon(now: at(text), today: at(text).utcDate)
    }

    @Test("Each time reads the settings in force then; before the first record, the first")
    func versions() async throws {
        let database = try RiskDatabase()
        #expect(try await database.documentSettings(asOf: Self.at("2027-01-01T00:00:00Z")) == nil)
        var renamed = Self.standard
        renamed.organisation = "DPN South East Europe"
        renamed.template = "<p>{{organisation}}</p>"
        renamed.policy.scoring.highFrom = 12
        #expect(
            try await database.recordDocumentSettings(Self.standard, actor: Self.actor("2027-01-10T09:00:00Z")) == []
        )
        #expect(
            try await database.recordDocumentSettings(Self.standard, actor: Self.actor("2027-02-01T09:00:00Z")) == nil
        )
        #expect(
            try await database.recordDocumentSettings(renamed, actor: Self.actor("2027-03-01T09:00:00Z"))
                == ["organisation name", "template", "review rules"]
        )
        let cases: [(String, DocumentSettings)] = [
            ("2026-12-01T00:00:00Z", Self.standard),
            ("2027-01-10T09:00:00Z", Self.standard),
            ("2027-03-01T08:59:59Z", Self.standard),
            ("2027-03-01T09:00:00Z", renamed),
            ("2030-01-01T00:00:00Z", renamed),
        ]
        for (asOf, expected) in cases {
            #expect(try await database.documentSettings(asOf: Self.at(asOf)) == expected, "as of \(asOf)")
        }
    }

    @Test("A change is audited naming what changed; the first record and a repeat are not")
    func audited() async throws {
        let database = try RiskDatabase()
        try await database.recordDocumentSettings(Self.standard, actor: Self.actor("2027-01-10T09:00:00Z"))
        try await database.recordDocumentSettings(Self.standard, actor: Self.actor("2027-01-11T09:00:00Z"))
        #expect(try await database.auditLog(subject: nil, after: nil, limit: 10).entries.isEmpty)
        var changed = Self.standard
        changed.organisation = nil
        changed.retainEndedDays = 30
        try await database.recordDocumentSettings(changed, actor: Self.actor("2027-01-12T09:00:00Z"))
        let entries = try await database.auditLog(subject: nil, after: nil, limit: 10).entries
        #expect(entries.map(\.subject) == [ConfigurationAudit.subject])
        #expect(entries.first?.actor == RiskVersion.daemonActor)
        #expect(entries.first?.at == "2027-01-12T09:00:00Z")
        #expect(entries.first?.detail.contains(#""changed":"organisation name, retention""#) == true)
        #expect(try await database.verifyAudit().ok)
    }

    @Test("A template's text is kept once however often it comes back")
    func templateKeptOnce() async throws {
        try await TestDaemon.withTemporaryDirectory { directory in
            let path = directory + "/riskd.sqlite"
            let database = try RiskDatabase(path: path)
            var own = Self.standard
            own.template = "<p>{{asOfDay}}</p>"
            for (day, settings) in [(10, own), (11, Self.standard), (12, own)] {
                try await database.recordDocumentSettings(settings, actor: Self.actor("2027-01-\(day)T09:00:00Z"))
            }
            #expect(try await database.documentSettings(asOf: Self.at("2027-01-11T12:00:00Z"))?.template == nil)
            #expect(
                try await database.documentSettings(asOf: Self.at("2027-01-12T12:00:00Z"))?.template == own.template
            )
            let counts = try await DatabaseQueue(path: path).read { db in
                [
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM configuration_version"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_template"),
                ]
            }
            #expect(counts == [3, 1])
        }
    }
}
