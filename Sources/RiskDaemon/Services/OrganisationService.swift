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
            let stored = try await context.database.write(request.actor) { tx in try Self.add(tx, [organisation]) }
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
            let stored = try await context.database.write(request.actor) { [organisations] tx in
                try Self.add(tx, organisations)
            }
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
            let organisation = try await context.database.write(request.actor) { tx in
                try Self.update(tx, parameters.id, ifRevision: parameters.ifRevision, with: changes)
            }
            return .init(organisation: .init(organisation))
        }
        return table
    }

    /// Stores new `organisations` (from `OrganisationRules.create`), each with its audit entry; all or none. A
    /// name or alias already taken (once normalised) is `DuplicateName`.
    static func add(_ tx: StoreTransaction, _ organisations: [Organisation]) throws -> [Organisation] {
        try organisations.map { organisation in
            let stored = try tx.insert(organisation)
            try tx.audit(OrganisationAudit.subject(stored.id), OrganisationAudit.added(stored))
            return stored
        }
    }

    /// Changes organisation `id` by `changes` (`OrganisationRules.update`) when `ifRevision` (if given) is still
    /// current, with its audit entry.
    static func update(
        _ tx: StoreTransaction,
        _ id: Int,
        ifRevision: Int?,
        with changes: OrganisationChanges
    ) throws -> Organisation {
        let current = try tx.organisation(id)
        if let ifRevision, ifRevision != current.revision {
            throw DomainError.revisionMismatch(.organisation, id: id, current: current.revision)
        }
        let updated = try OrganisationRules.update(current, with: changes, now: tx.actor.now)
        try tx.save(updated)
        try tx.audit(OrganisationAudit.subject(id), OrganisationAudit.updated(changes))
        return updated
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
