import GRDB
import RiskCore

/// A `risk` row. Converts to and from `RiskCore.Risk`; a row that does not convert is a corrupt database.
struct RiskRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "risk"

    var id: Int?
    var revision: Int
    var title: String
    var description: String
    var category: String
    var area: String?
    var owner: String
    var likelihood: Int
    var impact: Int
    var residualLikelihood: Int?
    var residualImpact: Int?
    var score: Int
    var status: String
    var acceptedUntil: String?
    var closeReason: String?
    var nextReviewDue: String
    var reviewDueFixed: Bool
    var lastReviewedAt: String?
    var createdAt: String
    var updatedAt: String
    var acceptedScore: Int?
    var acceptedBy: String?
    var decision: String?
    var lapsedOn: String?

    init(_ risk: Risk) {
        id = risk.id == 0 ? nil : risk.id
        revision = risk.revision
        title = risk.title
        description = risk.description
        category = risk.category
        area = risk.area
        owner = risk.owner
        likelihood = risk.likelihood
        impact = risk.impact
        residualLikelihood = risk.residualLikelihood
        residualImpact = risk.residualImpact
        score = risk.score
        status = risk.status.rawValue
        acceptedUntil = risk.acceptedUntil?.description
        closeReason = risk.closeReason?.rawValue
        nextReviewDue = risk.nextReviewDue.description
        reviewDueFixed = risk.reviewDueFixed
        lastReviewedAt = risk.lastReviewedAt?.description
        createdAt = risk.createdAt.description
        updatedAt = risk.updatedAt.description
        acceptedScore = risk.acceptedScore
        acceptedBy = risk.acceptedBy
        decision = risk.decision
        lapsedOn = risk.lapsedOn?.description
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    func domain() throws(StoreError) -> Risk {
        guard let id, let status = RiskStatus(rawValue: status),
            let nextReviewDue = CalendarDate(nextReviewDue),
            let createdAt = Instant(rfc3339: createdAt), let updatedAt = Instant(rfc3339: updatedAt)
        else { throw .corrupt("risk \(id ?? 0)") }
        return Risk(
            id: id,
            revision: revision,
            title: title,
            description: description,
            category: category,
            area: area,
            owner: owner,
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: residualLikelihood,
            residualImpact: residualImpact,
            status: status,
            acceptedUntil: acceptedUntil.flatMap(CalendarDate.init),
            closeReason: closeReason.flatMap(CloseReason.init(rawValue:)),
            nextReviewDue: nextReviewDue,
            reviewDueFixed: reviewDueFixed,
            lastReviewedAt: lastReviewedAt.flatMap { Instant(rfc3339: $0) },
            createdAt: createdAt,
            updatedAt: updatedAt,
            acceptedScore: acceptedScore,
            acceptedBy: acceptedBy,
            decision: decision,
            lapsedOn: lapsedOn.flatMap(CalendarDate.init)
        )
    }
}

/// An `action` row.
struct ActionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "action"

    var id: Int?
    var revision: Int
    var riskId: Int
    var description: String
    var owner: String
    var dueOn: String
    var status: String
    var completedAt: String?

    init(_ action: Action) {
        id = action.id == 0 ? nil : action.id
        revision = action.revision
        riskId = action.riskId
        description = action.description
        owner = action.owner
        dueOn = action.dueOn.description
        status = action.status.rawValue
        completedAt = action.completedAt?.description
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    func domain() throws(StoreError) -> Action {
        guard let id, let dueOn = CalendarDate(dueOn), let status = ActionStatus(rawValue: status) else {
            throw .corrupt("action \(id ?? 0)")
        }
        return Action(
            id: id,
            revision: revision,
            riskId: riskId,
            description: description,
            owner: owner,
            dueOn: dueOn,
            status: status,
            completedAt: completedAt.flatMap { Instant(rfc3339: $0) }
        )
    }
}

/// A review of a risk, as recorded.
public struct RiskReviewRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "risk_review"
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int?
    public var riskId: Int
    public var reviewer: String
    public var reviewedAt: String
    public var note: String
    public var likelihood: Int
    public var impact: Int
    public var residualLikelihood: Int?
    public var residualImpact: Int?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }
}

/// An `audit` row: one mutation, chained to the one before by `hash`.
public struct AuditEntry: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"

    public var seq: Int
    public var at: String
    public var actor: String
    public var uid: Int
    public var method: String
    public var subject: String?
    public var detail: String
    public var hash: String
}
