/// Which registry organisations a declared name may have meant, so that a member who typed "Western Balcan Fund" is
/// asked whether they meant "Western Balkan Fund" before the declaration sits unlinked in the register.
extension ConflictRules {
    /// The most suggestions a declaration's reply carries.
    public static let maximumSuggestions = 5

    /// The registry organisations whose check would find a declaration of `declared` only as a `possible` conflict
    /// (a word of one name missing from the other, or a typo apart: `match(asked:askedNames:candidate:...)`), those a
    /// typo apart first, then in id order, at most `maximumSuggestions`. Empty when `declared` is the name or an alias
    /// of a registry organisation: the declaration is then linked and needs no suggestion.
    public static func suggestions(for declared: String, registry: [Organisation]) -> [Organisation] {
        let candidate = NameMatching.matchingForm(declared)
        guard !candidate.isEmpty else { return [] }
        let directory = RegistryNames(registry)
        guard directory.names(of: candidate).isEmpty else { return [] }
        var near: [Organisation] = []
        var resembling: [Organisation] = []
        for organisation in registry.sorted(by: { $0.id < $1.id }) {
            let names = directory.names(ofId: organisation.id) ?? []
            guard let name = names.first,
                let found = match(asked: name, askedNames: names, candidate: candidate, candidateNames: [])
            else { continue }
            if found.closeTo != nil { near.append(organisation) } else { resembling.append(organisation) }
        }
        return Array((near + resembling).prefix(maximumSuggestions))
    }
}
