import RiskCore
import RiskStore
import RiskTestSupport
import Testing

/// What the store keeps of the ethical code and reads back; the stories that publish and acknowledge it are
/// `EthicsStoryTests` (RiskDaemonTests).
@Suite("Ethical code in the database")
struct EthicsStoreTests: EthicsFixtures {
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
