/// The registry's rules as pure functions: each takes the request (and the record and time) and returns the new
/// record or throws the rule it breaks. Whether a name is taken by another organisation is the store's to check.
public enum OrganisationRules {
    /// The most aliases one organisation may have.
    public static let maximumAliases = 50

    /// A new organisation from a draft; `id` is assigned by the store afterwards (0 here).
    public static func create(_ draft: OrganisationDraft, now: Instant) throws(DomainError) -> Organisation {
        let name = try validName(draft.name, field: "name")
        let aliases = try validAliases(draft.aliases ?? [], name: name)
        var note: String?
        if let text = draft.note { note = try validNote(text) }
        return Organisation(
            id: 0,
            revision: 1,
            name: name,
            aliases: aliases,
            kind: try kind(draft.kind),
            interest: try level(draft.interest, field: "interest"),
            power: try level(draft.power, field: "power"),
            note: note,
            createdAt: now,
            updatedAt: now
        )
    }

    /// The organisation with `changes` applied.
    public static func update(
        _ organisation: Organisation,
        with changes: OrganisationChanges,
        now: Instant
    )
        throws(DomainError) -> Organisation
    {
        guard !changes.isEmpty else { throw .invalidValue("id", "nothing to change: give at least one field") }
        var updated = organisation
        if let name = changes.name { updated.name = try validName(name, field: "name") }
        if let aliases = changes.aliases {
            updated.aliases = try validAliases(aliases, name: updated.name)
        } else if changes.name != nil {
            updated.aliases = try validAliases(organisation.aliases, name: updated.name)
        }
        if let kind = changes.kind { updated.kind = try self.kind(kind) }
        if let interest = changes.interest {
            updated.interest = interest.isEmpty ? nil : try level(interest, field: "interest")
        }
        if let power = changes.power { updated.power = power.isEmpty ? nil : try level(power, field: "power") }
        if let note = changes.note { updated.note = try validNote(note) }
        updated.revision += 1
        updated.updatedAt = now
        return updated
    }

    /// A kind named by its text.
    public static func kind(_ text: String) throws(DomainError) -> OrganisationKind {
        guard let kind = OrganisationKind(rawValue: text) else {
            let kinds = OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue("kind", "must be one of \(kinds), not \"\(text)\"")
        }
        return kind
    }

    /// An interest or power rating named by its text; `nil` stays `nil`.
    public static func level(_ text: String?, field: String) throws(DomainError) -> StakeLevel? {
        guard let text else { return nil }
        guard let level = StakeLevel(rawValue: text) else {
            throw .invalidValue(field, "must be low, medium or high, not \"\(text)\"")
        }
        return level
    }

    /// A name trimmed, refused when empty, too long, or without a letter or digit.
    static func validName(_ text: String, field: String) throws(DomainError) -> String {
        let name = try FieldRules.requiredText(text, field: field)
        guard !NameMatching.normalise(name).isEmpty else {
            throw .invalidValue(field, "must contain a letter or a digit")
        }
        return name
    }

    /// Aliases trimmed, each a valid name, none equal (once normalised) to the name or to another alias.
    static func validAliases(_ aliases: [String], name: String) throws(DomainError) -> [String] {
        guard aliases.count <= maximumAliases else {
            throw .invalidValue("aliases", "must hold at most \(maximumAliases) names, not \(aliases.count)")
        }
        var seen = [NameMatching.normalise(name): "the organisation's name"]
        var valid: [String] = []
        for (index, text) in aliases.enumerated() {
            let field = "aliases[\(index)]"
            let alias = try validName(text, field: field)
            let normalised = NameMatching.normalise(alias)
            if let other = seen[normalised] {
                throw .invalidValue(
                    field,
                    "\"\(alias)\" is the same as \(other) once case, accents and "
                        + "punctuation are ignored"
                )
            }
            seen[normalised] = "aliases[\(index)]"
            valid.append(alias)
        }
        return valid
    }

    /// A note trimmed; empty is `nil`.
    static func validNote(_ text: String) throws(DomainError) -> String? {
        let note = FieldRules.trim(try FieldRules.optionalText(text, field: "note"))
        return note.isEmpty ? nil : note
    }
}
