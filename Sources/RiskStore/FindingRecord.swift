import GRDB

/// A `finding` row: one rule's finding about one subject, open until `resolvedAt`.
public struct FindingRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "finding"

    public var id: Int?
    public var rule: String
    public var subject: String
    public var severity: String
    public var message: String
    public var firstSeenAt: String
    public var lastSeenAt: String
    public var lastAlertedAt: String?
    public var resolvedAt: String?
    public var acknowledgedBy: String?
    public var acknowledgedAt: String?
    public var note: String?

    public init(
        id: Int?,
        rule: String,
        subject: String,
        severity: String,
        message: String,
        firstSeenAt: String,
        lastSeenAt: String,
        lastAlertedAt: String?,
        resolvedAt: String?,
        acknowledgedBy: String?,
        acknowledgedAt: String?,
        note: String?
    ) {
        self.id = id
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.message = message
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.lastAlertedAt = lastAlertedAt
        self.resolvedAt = resolvedAt
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.note = note
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }
}

/// A `review_run` row.
public struct ReviewRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_run"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int?
    public var trigger: String
    public var startedAt: String
    public var finishedAt: String
    public var raised: Int
    public var open: Int
    public var resolved: Int
    public var alerted: Int

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }
}

/// What a run changed about one finding, for alerts and Watch.
public struct FindingEvent: Sendable, Hashable {
    /// `raised`, `reminded` or `resolved`.
    public enum Kind: String, Sendable, Hashable {
        case raised, reminded, resolved
    }

    public var kind: Kind
    public var finding: FindingRecord
}
