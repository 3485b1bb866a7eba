import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.organisation`: the registry of organisations that conflict checks match names against.
struct OrganisationService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(OrganisationInterface.Add.self) { parameters, request in
            let organisation = try OrganisationRules.create(OrganisationDraft(parameters), now: request.now)
            let stored = try await context.database.addOrganisations(
                [organisation],
                actor: request.actor,
                detail: Self.detail
            )
            return .init(organisation: .init(stored[0]))
        }
        table.on(OrganisationInterface.Import.self) { parameters, request in
            guard !parameters.organisations.isEmpty else {
                throw DomainError.invalidValue("organisations", "must hold at least one organisation")
            }
            var organisations: [Organisation] = []
            for (index, new) in parameters.organisations.enumerated() {
                do {
                    organisations.append(try OrganisationRules.create(OrganisationDraft(new), now: request.now))
                } catch let error as DomainError {
                    throw DomainError.invalidValue("organisations[\(index)].\(error.field)", error.reason)
                }
            }
            try Self.checkDistinct(organisations)
            let stored = try await context.database.addOrganisations(
                organisations,
                actor: request.actor,
                detail: Self.detail
            )
            return .init(ids: stored.map(\.id))
        }
        table.on(OrganisationInterface.Get.self) { parameters, _ in
            guard let organisation = try await context.database.organisation(id: parameters.id) else {
                throw DomainError.notFound(.organisation, id: parameters.id)
            }
            return .init(organisation: .init(organisation))
        }
        table.on(OrganisationInterface.List.self) { parameters, _ in
            let kind = try parameters.kind.map { (text: String) throws(DomainError) in
                try OrganisationRules.kind(text)
            }
            var text: String?
            if let query = parameters.query {
                text = NameMatching.normalise(query)
                guard text?.isEmpty == false else {
                    throw DomainError.invalidValue("query", "must contain a letter or a digit")
                }
            }
            let page = try await context.database.organisations(
                OrganisationQuery(
                    kind: kind,
                    text: text,
                    limit: try Paging.limit(parameters.limit),
                    after: try Paging.after(parameters.after)
                )
            )
            return .init(
                organisations: page.organisations.map(OrganisationInterface.Organisation.init),
                next: page.next
            )
        }
        table.on(OrganisationInterface.Update.self) { parameters, request in
            let changes = OrganisationChanges(
                name: parameters.name,
                aliases: parameters.aliases,
                kind: parameters.kind,
                interest: parameters.interest,
                power: parameters.power,
                note: parameters.note
            )
            var detail = AuditDetail()
            detail.set("name", text: parameters.name)
            detail.set("aliases", text: parameters.aliases.map(Self.list))
            detail.set("kind", text: parameters.kind)
            detail.set("interest", text: parameters.interest)
            detail.set("power", text: parameters.power)
            detail.set("note", parameters.note.map(AuditDetail.Field.digest))
            let now = request.now
            let organisation = try await context.database.updateOrganisation(
                id: parameters.id,
                ifRevision: parameters.ifRevision,
                actor: request.actor,
                detail: detail
            ) { current in
                try OrganisationRules.update(current, with: changes, now: now)
            }
            return .init(organisation: .init(organisation))
        }
        return table
    }

    /// What the audit trail keeps of a new organisation.
    @Sendable static func detail(_ organisation: Organisation) -> AuditDetail {
        var detail = AuditDetail(["name": .text(organisation.name), "kind": .text(organisation.kind.rawValue)])
        if !organisation.aliases.isEmpty { detail.set("aliases", text: list(organisation.aliases)) }
        detail.set("interest", text: organisation.interest?.rawValue)
        detail.set("power", text: organisation.power?.rawValue)
        detail.set("note", organisation.note.map(AuditDetail.Field.digest))
        return detail
    }

    /// Names as one field of an audit entry.
    static func list(_ names: [String]) -> String {
        names.joined(separator: "; ")
    }

    /// Refuses an import in which two organisations share a name or an alias (once normalised), naming the
    /// second by its path.
    static func checkDistinct(_ organisations: [Organisation]) throws(DomainError) {
        var holders: [String: String] = [:]
        for (index, organisation) in organisations.enumerated() {
            let fields = ["name"] + organisation.aliases.indices.map { "aliases[\($0)]" }
            for (field, name) in zip(fields, organisation.names) {
                let path = "organisations[\(index)].\(field)"
                let normalised = NameMatching.normalise(name)
                if let holder = holders[normalised] {
                    throw .invalidValue(path, "\"\(name)\" is already given as \(holder) of this import")
                }
                holders[normalised] = "organisations[\(index)].\(field)"
            }
        }
    }
}
