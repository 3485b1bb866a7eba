/// Conflict checks as pure functions: which active interests tie a board member to the organisations a decision
/// concerns.
public enum ConflictRules {
    /// The most organisation names `interests.max_organisations_per_check` may allow.
    public static let maximumNames = 100

    /// The names and the matter of a check request, trimmed; refuses an empty list, more names than
    /// `maximumNames` allows (`interests.max_organisations_per_check`), a name with no letter or digit and an empty
    /// matter.
    public static func request(
        organisations: [String],
        matter: String,
        maximumNames: Int = InterestPolicy().maximumOrganisationsPerCheck
    )
        throws(DomainError) -> (organisations: [String], matter: String)
    {
        guard !organisations.isEmpty else {
            throw .invalidValue("organisations", "must name at least one organisation")
        }
        guard organisations.count <= maximumNames else {
            throw .invalidValue(
                "organisations",
                "must name at most \(maximumNames) "
                    + "(interests.max_organisations_per_check), not \(organisations.count)"
            )
        }
        var names: [String] = []
        for (index, text) in organisations.enumerated() {
            let field = "organisations[\(index)]"
            let name = try FieldRules.requiredText(text, field: field)
            guard !NameMatching.normalise(name).isEmpty else {
                throw .invalidValue(field, "must contain a letter or a digit")
            }
            names.append(name)
        }
        let matter = try FieldRules.requiredText(matter, field: "matter", limit: TextLimits.long)
        return (names, matter)
    }

    /// Every interest active on `today` whose organisation matches one of `asked`, once per interest with its
    /// strongest match, ordered by declarant and id. Nothing is withheld here.
    ///
    /// Names are compared in their matching form (look-alike Cyrillic and Greek letters folded to Latin ones), and
    /// through the registry both ways: an interest declared as "Open Society Foundations"
    /// matches an asked "OSF" as an `alias` when the registry gives the organisation that alias, and so does one
    /// declared as "OSF" for an asked "Open Society Foundations". A declaration a typo away ("Western Balcan Fund"
    /// for an asked "Western Balkan Fund" or "WBF") is `possible`, with `closeTo` saying which name it is near.
    /// Meetings (their items' recusals) and the board pack come through here too.
    public static func conflicts(
        asked: [String],
        interests: [Interest],
        registry: [Organisation],
        today: CalendarDate
    ) -> [Conflict] {
        let directory = RegistryNames(registry)
        let askedNames = asked.map { name in
            let normalised = NameMatching.matchingForm(name)
            return (name: name, normalised: normalised, organisationNames: directory.names(of: normalised))
        }
        var normalisedOrganisations: [String: String] = [:]
        var conflicts: [Conflict] = []
        for interest in interests where interest.isActive(today: today) {
            let candidate =
                normalisedOrganisations[interest.organisation]
                ?? NameMatching.foldConfusables(interest.normalisedOrganisation)
            normalisedOrganisations[interest.organisation] = candidate
            let candidateNames =
                interest.organisationId.flatMap(directory.names(ofId:))
                ?? directory.names(of: candidate)
            var best: (match: NameMatching.Match, asked: String, closeTo: String?)?
            for asked in askedNames {
                guard
                    let found = match(
                        asked: asked.normalised,
                        askedNames: asked.organisationNames,
                        candidate: candidate,
                        candidateNames: candidateNames
                    )
                else { continue }
                if best.map({ found.match < $0.match }) ?? true {
                    let closeTo = found.closeTo.map { $0 == asked.normalised ? asked.name : directory.written($0) }
                    best = (found.match, asked.name, closeTo)
                }
            }
            guard let best else { continue }
            conflicts.append(
                Conflict(
                    declarant: interest.declarant,
                    interestId: interest.id,
                    kind: interest.kind.rawValue,
                    organisation: interest.organisation,
                    asked: best.asked,
                    sensitive: interest.sensitive,
                    match: best.match,
                    closeTo: best.closeTo
                )
            )
        }
        return conflicts.sorted { ($0.declarant, $0.interestId) < ($1.declarant, $1.interestId) }
    }

    /// How one asked name (with the other names of its organisation in the registry) matches one declared name
    /// (with the names of its organisation): the one place that decides whether a check finds an interest.
    ///
    /// Exact and alias matches come first, then every word of one name in the other (`possible`), then near names
    /// (`possible`, `NameMatching.isNear`): the declared name or one of its organisation's names a typo away from the
    /// asked name or one of the asked organisation's names. `closeTo` is, for a near match only, the name of the
    /// asked side it is near (in matching form).
    static func match(
        asked: String,
        askedNames: [String],
        candidate: String,
        candidateNames: [String]
    )
        -> (match: NameMatching.Match, closeTo: String?)?
    {
        let direct = NameMatching.match(
            normalisedAsked: asked,
            normalisedCandidate: candidate,
            normalisedAliases: candidateNames.filter { $0 != candidate }
        )
        if let direct, direct != .possible { return (direct, nil) }
        if askedNames.contains(candidate) { return (.alias, nil) }
        if let direct { return (direct, nil) }
        for other in askedNames where other != asked {
            if NameMatching.match(
                normalisedAsked: other,
                normalisedCandidate: candidate,
                normalisedAliases: candidateNames
            ) != nil {
                return (.possible, nil)
            }
        }
        let declaredNames = [candidate] + candidateNames.filter { $0 != candidate }
        for name in [asked] + askedNames.filter({ $0 != asked }) {
            if declaredNames.contains(where: { NameMatching.isNear($0, name) }) { return (.possible, name) }
        }
        return nil
    }

    /// The name a declared organisation (`declared`, linked to registry organisation `declaredOrganisationId` when
    /// it is) is near, among `asked` and the registry names of the organisation `asked` names: the asked name as
    /// given or the registry's spelling; `nil` when it is not near one (an exact, alias or word match, or none).
    /// How a stored check, which keeps only how each interest matched, says why a `possible` match is possible; the
    /// registry's names are built once (`RegistryNames`) for every conflict of a page of checks.
    package static func closeTo(
        asked: String,
        declared: String,
        declaredOrganisationId: Int?,
        registry directory: RegistryNames
    ) -> String? {
        let normalisedAsked = NameMatching.matchingForm(asked)
        let candidate = NameMatching.matchingForm(declared)
        let found = match(
            asked: normalisedAsked,
            askedNames: directory.names(of: normalisedAsked),
            candidate: candidate,
            candidateNames: declaredOrganisationId.flatMap(directory.names(ofId:)) ?? directory.names(of: candidate)
        )
        return found?.closeTo.map { $0 == normalisedAsked ? asked : directory.written($0) }
    }
}

/// The registry's names, in their matching form (`NameMatching.matchingForm`), by name and by organisation.
package struct RegistryNames: Sendable {
    private var organisationByName: [String: Int] = [:]
    private var namesById: [Int: [String]] = [:]
    private var writtenByName: [String: String] = [:]

    /// The names of every organisation of `registry`.
    package init(_ registry: [Organisation]) {
        for organisation in registry {
            let written = [organisation.name] + organisation.aliases
            let names = written.map(NameMatching.matchingForm)
            namesById[organisation.id] = names
            for (name, spelling) in zip(names, written) {
                organisationByName[name] = organisation.id
                writtenByName[name] = spelling
            }
        }
    }

    /// A registry name in matching form as the registry writes it; `normalised` itself when no organisation has it.
    func written(_ normalised: String) -> String {
        writtenByName[normalised] ?? normalised
    }

    /// Every name (in matching form) of the organisation that goes by `normalised`; empty when none does.
    func names(of normalised: String) -> [String] {
        organisationByName[normalised].flatMap { namesById[$0] } ?? []
    }

    /// Every name (in matching form) of organisation `id`; `nil` when the registry has none with that id.
    func names(ofId id: Int) -> [String]? {
        namesById[id]
    }
}
