import RiskCore
import RiskStore
import RiskTestSupport
import Testing

@testable import RiskDaemon

/// The stories of `org.riskd.ethics` (`EthicsService.publish`, `acknowledge`), run in a write of an in-memory
/// database: what each stores, refuses and audits.
@Suite("Ethical code: the stories")
struct EthicsStoryTests: EthicsFixtures {
    func publish(
        _ database: RiskDatabase,
        _ body: String,
        title: String = "Code of Ethics"
    ) async throws
        -> EthicsCode
    {
        try await database.publishCode(title: title, body: body, actor: actor("marko", "Publish", uid: 1002))
    }

    func entries(_ database: RiskDatabase) async throws -> [AuditEntry] {
        try await database.auditLog(subject: nil, after: nil, limit: 1000).entries
    }

    @Test("Publishing numbers versions, hashes the UTF-8 body and audits the title and the body's digest")
    func publishing() async throws {
        let database = try RiskDatabase()
        let first = try await publish(database, "Budi pošten.\n")
        let second = try await publish(database, "Be honest.\nDeclare your interests.\n", title: "Code, 2nd")
        #expect(first.version == 1 && second.version == 2)
        #expect(first.sha256 == sha256("Budi pošten.\n"))
        #expect(first.publishedBy == "marko" && first.publishedAt == now)
        #expect(try await database.currentCode() == second)
        #expect(try await database.code(version: 1) == first)
        #expect(
            try await database.codeVersions() == [
                EthicsCodeSummary(version: 1, title: "Code of Ethics", sha256: first.sha256, publishedAt: now),
                EthicsCodeSummary(version: 2, title: "Code, 2nd", sha256: second.sha256, publishedAt: now),
            ]
        )
        let log = try await entries(database)
        #expect(log.map(\.subject) == ["ethics:1", "ethics:2"])
        #expect(log.map(\.method) == ["org.riskd.ethics.Publish", "org.riskd.ethics.Publish"])
        #expect(log[0].detail == #"{"body":"sha256:\#(first.sha256)","title":"Code of Ethics","version":1}"#)
        #expect(!log[1].detail.contains("Declare your interests"))
        #expect(try await database.verifyAudit().ok)
    }

    @Test("A refused publication stores and audits nothing", arguments: [("", "Be honest."), ("Code", "  \n")])
    func refusedPublication(title: String, body: String) async throws {
        let database = try RiskDatabase()
        _ = try await publish(database, "Be honest.")
        await #expect(throws: DomainError.self) {
            _ = try await database.publishCode(title: title, body: body, actor: actor("marko", "Publish"))
        }
        #expect(try await database.codeVersions().count == 1)
        #expect(try await entries(database).count == 1)
    }

    @Test("Acknowledging: the current version with its hash is stored and audited once")
    func acknowledging() async throws {
        let database = try RiskDatabase()
        let code = try await publish(database, "Be honest.")
        let first = try await database.acknowledgeCode(
            version: 1,
            sha256: code.sha256,
            actor: actor("ana", "Acknowledge")
        ).acknowledgement
        #expect(first == CodeAcknowledgement(user: "ana", version: 1, sha256: code.sha256, acknowledgedAt: now))
        let later = now.adding(seconds: 3600)
        let again = try await database.acknowledgeCode(
            version: 1,
            sha256: code.sha256.uppercased(),
            actor: actor("ana", "Acknowledge", at: later)
        ).acknowledgement
        #expect(again == first)
        let log = try await entries(database)
        #expect(log.count == 2)
        #expect(log[1].actor == "ana" && log[1].subject == "ethics:1")
        #expect(log[1].method == "org.riskd.ethics.Acknowledge")
        #expect(log[1].detail == #"{"sha256":"\#(code.sha256)","version":1}"#)
        let status = try await EthicsService.status(database, board: ["ana", "ivan"])
        #expect(status.version == 1 && status.acknowledged == [first] && status.pending == ["ivan"])
    }

    @Test("Refused acknowledgements store and audit nothing") func refusedAcknowledgements() async throws {
        let database = try RiskDatabase()
        let one = try await publish(database, "Version one.")
        let two = try await publish(database, "Version two.")
        let refusals: [(Int, String, DomainError.Kind)] = [
            (2, one.sha256, .hashMismatch),
            (1, one.sha256, .notCurrent),
            (3, two.sha256, .notFound),
            (2, "not a hash", .invalidValue),
        ]
        for (version, hash, kind) in refusals {
            do {
                _ = try await database.acknowledgeCode(
                    version: version,
                    sha256: hash,
                    actor: actor("ana", "Acknowledge")
                )
                Issue.record("acknowledged version \(version) with \(hash)")
            } catch let error as DomainError {
                #expect(error.kind == kind)
            }
        }
        #expect(try await entries(database).count == 2)
        let status = try await EthicsService.status(database, board: ["ana"])
        #expect(status.acknowledged.isEmpty && status.pending == ["ana"])
    }

    @Test("Pending is the board now, not every user the member table recorded") func pendingIsTheBoard()
        async throws
    {
        let database = try RiskDatabase()
        let code = try await publish(database, "Be honest.")
        try await database.write(actor("marko", "Publish", uid: 1002)) { tx in
            try tx.noteMember("former", uid: 1010)
            try tx.noteMember("ana", uid: 1001)
        }
        _ = try await database.acknowledgeCode(
            version: 1,
            sha256: code.sha256,
            actor: actor("lejla", "Acknowledge", uid: 1004)
        )
        let status = try await EthicsService.status(database, board: ["ana", "ivan"])
        #expect(status.pending == ["ana", "ivan"])
        #expect(status.acknowledged.map(\.user) == ["lejla"])
    }

    @Test("A new version makes earlier acknowledgements no longer current") func newVersion() async throws {
        let database = try RiskDatabase()
        let one = try await publish(database, "Version one.")
        _ = try await database.acknowledgeCode(version: 1, sha256: one.sha256, actor: actor("ana", "Acknowledge"))
        #expect(try await EthicsService.status(database, board: ["ana"]).pending.isEmpty)
        let two = try await publish(database, "Version two.")
        var status = try await EthicsService.status(database, board: ["ana"])
        #expect(status.version == 2 && status.acknowledged.isEmpty && status.pending == ["ana"])
        do {
            _ = try await database.acknowledgeCode(version: 1, sha256: one.sha256, actor: actor("ana", "Acknowledge"))
            Issue.record("acknowledged an old version")
        } catch let error as DomainError {
            #expect(error == .notCurrent(version: 1, current: 2))
        }
        _ = try await database.acknowledgeCode(version: 2, sha256: two.sha256, actor: actor("ana", "Acknowledge"))
        status = try await EthicsService.status(database, board: ["ana"])
        #expect(status.acknowledged.map(\.user) == ["ana"] && status.pending.isEmpty)
    }
}

extension RiskDatabase {
    fileprivate func publishCode(title: String, body: String, actor: Actor) async throws -> EthicsCode {
        try await write(actor) { tx in try EthicsService.publish(tx, title: title, body: body) { _ in [] } }
    }

    fileprivate func acknowledgeCode(
        version: Int,
        sha256: String,
        actor: Actor
    ) async throws -> (acknowledgement: CodeAcknowledgement, attestation: Attestation?) {
        try await write(actor) { tx in try EthicsService.acknowledge(tx, version: version, sha256: sha256, attest: nil)
        }
    }
}
