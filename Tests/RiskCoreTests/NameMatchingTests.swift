import RiskCore
import Testing

@Suite("Name matching")
struct NameMatchingTests {
    @Test("Names fold to the same form", arguments: [
        ("Udruženje Prevent", "udruzenje  prevent"),
        ("Đorđe", "Dorde"),
        ("ČĆŠŽ čćšž", "CCSZ ccsz"),
        ("Łódź", "lodz"),
        ("Ørsted", "orsted"),
        ("İstanbul", "istanbul"),
        ("ıspanak", "ispanak"),
        ("Straße", "strasse"),
        ("Æther Œuvre", "aether oeuvre"),
        ("Þór", "thor"),
        ("Open  Society\tFoundations", "open society foundations"),
        ("ERA - LGBTI Equal Rights Association", "era lgbti equal rights association"),
        ("  \"Fast-Track\" Cities! ", "fast track cities"),
        ("ﬁnance ＷＢＦ", "finance wbf"),
        ("Удружење", "удружење"),
        ("Фонд Й", "фонд и"),
    ])
    func folding(name: String, equivalent: String) {
        #expect(NameMatching.normalise(name) == NameMatching.normalise(equivalent))
    }

    @Test("The folded form", arguments: [
        ("Udruženje Prevent", "udruzenje prevent"),
        ("  Western   Balkan Fund. ", "western balkan fund"),
        ("C-EHRN", "c ehrn"),
        ("Đorđe", "dorde"),
        ("---", ""),
        ("", ""),
        ("Fund #2", "fund 2"),
    ])
    func normalised(name: String, expected: String) {
        #expect(NameMatching.normalise(name) == expected)
    }

    /// The registry's Open Society Foundations goes by OSF.
    static let osf = ["Open Society Foundations", "OSF"]

    @Test("How an asked name matches a declared one", arguments: [
        ("Udruženje Prevent", "udruzenje  prevent", [], NameMatching.Match.exact),
        ("Udruzenje Prevent", "Udruženje Prevent", [], .exact),
        ("Đorđe", "Dorde", [], .exact),
        ("OSF", "Open Society Foundations", osf, .alias),
        ("osf", "Open Society Foundations", osf, .alias),
        ("Open Society Foundations", "OSF", osf, .alias),
        ("Open Society", "Open Society Foundations", osf, .possible),
        ("Open Society Foundations Europe", "Open Society Foundations", osf, .possible),
        ("Foundations Society Open", "Open Society Foundations", [], .possible),
        ("Western Balkans", "Western Balkans Fund", [], .possible),
        ("Robert Carr Fund", "Open Society Foundations", osf, nil),
        ("Robert Carr Fund", "Udruženje Prevent", [], nil),
        ("Robert Carr Fund", "Western Balkan Fund", [], nil),
        ("Open", "OSF", osf, .possible),
        ("Society Open", "OSF", [], nil),
        ("", "OSF", osf, nil),
        ("!!", "!!", [], nil),
    ] as [(String, String, [String], NameMatching.Match?)])
    func match(asked: String, candidate: String, aliases: [String], expected: NameMatching.Match?) {
        #expect(NameMatching.match(asked: asked, candidate: candidate, aliases: aliases) == expected)
    }

    @Test("Stronger matches order first") func order() {
        #expect([NameMatching.Match.possible, .exact, .alias].sorted() == [.exact, .alias, .possible])
    }
}
