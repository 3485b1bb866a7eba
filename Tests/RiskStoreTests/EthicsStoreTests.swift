import Crypto
import Foundation
import GRDB
import RiskCore
import RiskStore
import RiskTestSupport
import Testing

/// What the store keeps of the ethical code and reads back; the stories that publish and acknowledge it are
/// `EthicsStoryTests` (RiskDaemonTests).
@Suite("Ethical code in the database")
struct EthicsStoreTests {
    let now = Instant(rfc3339: "2026-11-29T06:00:00Z") ?? Instant(secondsSinceEpoch: 0)

    func actor(_ user: String, _ method: String, uid: Int = 1001, at instant: Instant? = nil) -> RiskDatabase.Actor {
        RiskDatabase.Actor(user: user, uid: uid, method: "org.riskd.ethics.\(method)", now: instant ?? now)
    }

    func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func publish(
        _ database: RiskDatabase,
        _ body: String,
        title: String = "Code of Ethics"
    ) async throws
        -> EthicsCode
    {
        // Stored as `EthicsService.publish` stores it (the story is the daemon's, tested in RiskDaemonTests).
        let code = try EthicsRules.publish(
            title: title,
            body: body,
            sha256: sha256(body),
            previous: try await database.currentCode()?.version,
            by: "marko",
            now: now
        )
        try await database.write(actor("marko", "Publish", uid: 1002)) { tx in try tx.insert(code) }
        return code
    }

    func entries(_ database: RiskDatabase) async throws -> [AuditEntry] {
        try await database.auditLog(subject: nil, after: nil, limit: 1000).entries
    }

    @Test("Nothing published: no current code, no versions, no version in the status") func empty() async throws {
        let database = try RiskDatabase()
        #expect(try await database.currentCode() == nil)
        #expect(try await database.code(version: 1) == nil)
        #expect(try await database.codeVersions().isEmpty)
        let status = try await database.ethicsStatus()
        #expect(status.version == nil && status.acknowledged.isEmpty)
    }

    @Test("The status: the current version and its acknowledgements, whoever made them") func status()
        async throws
    {
        let database = try RiskDatabase()
        let code = try await publish(database, "Be honest.")
        let acknowledgement = CodeAcknowledgement(user: "lejla", version: 1, sha256: code.sha256, acknowledgedAt: now)
        try await database.write(actor("lejla", "Acknowledge")) { tx in try tx.insert(acknowledgement) }
        let status = try await database.ethicsStatus()
        #expect(status.version == 1 && status.acknowledged == [acknowledgement])
        _ = try await publish(database, "Be honest, always.")
        #expect(try await database.ethicsStatus().acknowledged.isEmpty)
    }
}
