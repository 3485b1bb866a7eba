/// What the audit trail records of the registry of organisations: names, kind and stakes as they are, a note only
/// as its digest.
public enum OrganisationAudit {
    /// The subject of every entry about organisation `id`.
    public static func subject(_ id: Int) -> String {
        "organisation:\(id)"
    }

    /// A new organisation.
    public static func added(_ organisation: Organisation) -> AuditDetail {
        var detail = AuditDetail(["name": .text(organisation.name), "kind": .text(organisation.kind.rawValue)])
        if !organisation.aliases.isEmpty { detail.set("aliases", text: list(organisation.aliases)) }
        detail.set("interest", text: organisation.interest?.rawValue)
        detail.set("power", text: organisation.power?.rawValue)
        detail.set("note", organisation.note.map(AuditDetail.Field.digest))
        return detail
    }

    /// An organisation changed, field by field as asked (`organisation.Update`).
    public static func updated(_ changes: OrganisationChanges) -> AuditDetail {
        var detail = AuditDetail()
        detail.set("name", text: changes.name)
        detail.set("aliases", text: changes.aliases.map(list))
        detail.set("kind", text: changes.kind)
        detail.set("interest", text: changes.interest)
        detail.set("power", text: changes.power)
        detail.set("note", changes.note.map(AuditDetail.Field.digest))
        return detail
    }

    /// Names as one field of an entry.
    public static func list(_ names: [String]) -> String {
        names.joined(separator: "; ")
    }
}
