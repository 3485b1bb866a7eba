import RiskProtocol

/// A registry organisation that riskd suggests for a declaration not linked to the registry, as a `Declare` or
/// `Update` reply gives it: "Western Balkan Fund (O-27)".
struct RegistrySuggestion: Equatable {
    /// The organisation's name in the registry.
    var name: String
    /// The suggestion as riskd wrote it, name and id.
    var written: String

    /// The suggestion from riskd's text; the name is the text without its trailing " (O-n)".
    init(_ written: String) {
        self.written = written
        let head = written.lastIndex(of: "(").map { written[..<$0] } ?? ""
        if written.hasSuffix(")"), head.hasSuffix(" "), written[head.endIndex...].hasPrefix("(O-") {
            name = String(head.dropLast())
        } else {
            name = written
        }
    }

    /// Offers each suggestion in turn on a terminal ("did you mean Western Balkan Fund (O-27)? [y/N]") and, on the
    /// first yes, changes the declaration's organisation to that registry name through `interest.Update`, at the
    /// revision just stored so that a change made meanwhile is not overwritten. Without a terminal (or with `--yes`,
    /// which accepts no offer) it writes the suggestions as one note on standard error: the declaration is stored
    /// either way, and riskctl exits 0.
    static func offer(
        _ suggestions: [String],
        for interest: InterestInterface.Interest,
        options: GlobalOptions
    )
        throws(RiskctlError)
    {
        guard !suggestions.isEmpty else { return }
        let reference = RecordKind.interest.format(interest.id)
        guard options.asks else {
            let offered = suggestions.joined(separator: " or ")
            let first = RegistrySuggestion(suggestions[0]).name
            Output.note(
                "\(reference) names \"\(interest.organisation)\", which is not in the organisation registry; did you "
                    + "mean \(offered)? To say so: riskctl interest update \(reference) --organisation \"\(first)\""
            )
            return
        }
        for suggestion in suggestions.map(RegistrySuggestion.init)
        where options.agrees("did you mean \(suggestion.written)?") {
            let parameters = InterestInterface.Update.Parameters(
                id: interest.id,
                ifRevision: interest.revision,
                description: nil,
                value: nil,
                sensitive: nil,
                endedOn: nil,
                organisation: suggestion.name
            )
            let updated = try options.connect().call(InterestInterface.Update.self, parameters).decoded().interest
            Output.line(
                "\(reference) now names \(suggestion.written), as the registry does; revision \(updated.revision)."
            )
            return
        }
    }
}
