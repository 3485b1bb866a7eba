import GRDB
import RiskCore

/// An `interest` row. Converts to and from `RiskCore.Interest`; a row that does not convert is a corrupt database.
struct InterestRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "interest"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int?
    var revision: Int
    var declarant: String
    var declarantUid: Int
    var kind: String
    var organisation: String
    var normalisedOrganisation: String
    var organisationId: Int?
    var description: String
    var value: String?
    var sensitive: Bool
    var startedOn: String
    var endedOn: String?
    var declaredAt: String
    var late: Bool
    var managementPlan: String?
    var managedBy: String?
    var managedAt: String?
    var erased: Bool

    init(_ interest: Interest) {
        id = interest.id == 0 ? nil : interest.id
        revision = interest.revision
        declarant = interest.declarant
        declarantUid = interest.declarantUID
        kind = interest.kind.rawValue
        organisation = interest.organisation
        normalisedOrganisation = interest.normalisedOrganisation
        organisationId = interest.organisationId
        description = interest.description
        value = interest.value
        sensitive = interest.sensitive
        startedOn = interest.startedOn.description
        endedOn = interest.endedOn?.description
        declaredAt = interest.declaredAt.description
        late = interest.late
        managementPlan = interest.managementPlan
        managedBy = interest.managedBy
        managedAt = interest.managedAt?.description
        erased = interest.erased
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Int(inserted.rowID)
    }

    func domain() throws(StoreError) -> Interest {
        guard let id, let kind = InterestKind(rawValue: kind), let startedOn = CalendarDate(startedOn),
            let declaredAt = Instant(rfc3339: declaredAt)
        else { throw .corrupt("interest \(id ?? 0)") }
        var ended: CalendarDate?
        if let endedOn {
            guard let date = CalendarDate(endedOn) else { throw .corrupt("interest \(id)") }
            ended = date
        }
        return Interest(
            id: id,
            revision: revision,
            declarant: declarant,
            declarantUID: declarantUid,
            kind: kind,
            organisation: organisation,
            organisationId: organisationId,
            description: description,
            value: value,
            sensitive: sensitive,
            startedOn: startedOn,
            endedOn: ended,
            declaredAt: declaredAt,
            late: late,
            managementPlan: managementPlan,
            managedBy: managedBy,
            managedAt: managedAt.flatMap { Instant(rfc3339: $0) },
            erased: erased
        )
    }
}
