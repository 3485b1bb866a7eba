import GRDB
import RiskCore

extension RiskDatabase {
    // MARK: Reads

    /// The current (highest) version of the ethical code, or `nil` before the first was published.
    public func currentCode() async throws -> EthicsCode? {
        try await lookup { db in try Self.currentCode(db) }
    }

    /// The version numbered `version`, or `nil` when there is none.
    public func code(version: Int) async throws -> EthicsCode? {
        try await lookup { db in try EthicsCodeRow.fetchOne(db, key: version)?.domain() }
    }

    /// Every published version without its text, oldest first.
    public func codeVersions() async throws -> [EthicsCodeSummary] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT version, title, sha256, published_at FROM ethics_code ORDER BY version")
                .map { row throws(StoreError) in
                    let version: Int = row["version"]
                    guard let publishedAt = Instant(rfc3339: row["published_at"]) else {
                        throw .corrupt("ethics_code \(version)")
                    }
                    return EthicsCodeSummary(
                        version: version,
                        title: row["title"],
                        sha256: row["sha256"],
                        publishedAt: publishedAt
                    )
                }
        }
    }

    /// Where the current version stands: its number and its acknowledgements, oldest first (who is still to
    /// acknowledge it is decided by the caller, from the board). Before anything was published: no version.
    public func ethicsStatus() async throws -> (version: Int?, acknowledged: [CodeAcknowledgement]) {
        try await writer.read { db in
            guard let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM ethics_code") else {
                return (nil, [])
            }
            let acknowledged = try AcknowledgementRow.fetchAll(
                db,
                sql: "SELECT * FROM acknowledgement WHERE version = ? ORDER BY id",
                arguments: [version]
            ).map { row throws(StoreError) in try row.domain() }
            return (version, acknowledged)
        }
    }

    private static func currentCode(_ db: Database) throws -> EthicsCode? {
        try EthicsCodeRow.fetchOne(db, sql: "SELECT * FROM ethics_code ORDER BY version DESC LIMIT 1")?.domain()
    }
}
