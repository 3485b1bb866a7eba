import GRDB
import RiskCore

/// An `ethics_code` row: one published version. Converts to `RiskCore.EthicsCode`; a row that does not convert is
/// a corrupt database.
struct EthicsCodeRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ethics_code"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var version: Int
    var title: String
    var body: String
    var sha256: String
    var publishedAt: String
    var publishedBy: String

    init(_ code: EthicsCode) {
        version = code.version
        title = code.title
        body = code.body
        sha256 = code.sha256
        publishedAt = code.publishedAt.description
        publishedBy = code.publishedBy
    }

    func domain() throws(StoreError) -> EthicsCode {
        guard let publishedAt = Instant(rfc3339: publishedAt) else { throw .corrupt("ethics_code \(version)") }
        return EthicsCode(
            version: version,
            title: title,
            body: body,
            sha256: sha256,
            publishedAt: publishedAt,
            publishedBy: publishedBy
        )
    }
}

/// An `acknowledgement` row: one user's acknowledgement of one version.
struct AcknowledgementRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "acknowledgement"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int?
    var user: String
    var version: Int
    var sha256: String
    var acknowledgedAt: String

    init(_ acknowledgement: CodeAcknowledgement) {
        id = nil
        user = acknowledgement.user
        version = acknowledgement.version
        sha256 = acknowledgement.sha256
        acknowledgedAt = acknowledgement.acknowledgedAt.description
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    func domain() throws(StoreError) -> CodeAcknowledgement {
        guard let acknowledgedAt = Instant(rfc3339: acknowledgedAt) else {
            throw .corrupt("acknowledgement \(id ?? 0)")
        }
        return CodeAcknowledgement(user: user, version: version, sha256: sha256, acknowledgedAt: acknowledgedAt)
    }
}
