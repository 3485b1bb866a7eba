import Testing

@testable import riskctl

/// Issue 21: riskctl changes a declaration to the registry's name of a suggestion, read from riskd's text.
@Suite("The registry name of a suggestion")
struct RegistrySuggestionTests {
    @Test(
        "The name is the suggestion without its trailing organisation id",
        arguments: [
            ("Western Balkan Fund (O-27)", "Western Balkan Fund"),
            ("Fondacija (Srbija) (O-3)", "Fondacija (Srbija)"),
            ("Ministry of Health (Montenegro)", "Ministry of Health (Montenegro)"),  // no id: kept whole
            ("(O-5)", "(O-5)"),
            ("", ""),
        ]
    )
    func name(written: String, name: String) {
        let suggestion = RegistrySuggestion(written)
        #expect(suggestion.name == name && suggestion.written == written)
    }
}
