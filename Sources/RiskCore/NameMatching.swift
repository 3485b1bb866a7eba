// No Foundation: Foundation's normalization is ICU's, and riskd must not need ICU for names. The canonical
// decomposition (NFD) is the standard library's, through its `_Unicode` interface (the one swift-foundation uses);
// the compatibility part of NFKD is the generated table of NameMatching+Compatibility.swift.
@_spi(_Unicode) import Swift

/// How organisation names are compared: folded so that the spelling of a name in a declaration, an agenda or a
/// spreadsheet does not hide a conflict of interest.
///
/// `normalise` folds case (`OSF` = `osf`), diacritics (`Udruženje` = `udruzenje`, `č ć š ž` = `c c s z`), letters
/// that have no decomposition (`đ ł ø ı ß æ œ þ` = `d l o i ss ae oe th`), compatibility forms (`ﬁ` = `fi`,
/// full-width letters) and turns every run of punctuation and white space into one space.
///
/// Conflict checks compare names in their matching form (`matchingForm`): normalised, and with the Cyrillic and
/// Greek letters that look like Latin ones written as those (`confusables`), so that "Οpen Sоciety" typed with a
/// Greek omicron and a Cyrillic о still finds a declaration of "Open Society".
public enum NameMatching {
    /// How an asked name matched a candidate.
    public enum Match: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The names are equal once normalised.
        case exact
        /// The asked name is equal to another name of the candidate's organisation in the registry.
        case alias
        /// Every word of the shorter name occurs in the longer one; a person should look.
        case possible

        /// 0 for the strongest match, `exact`.
        public var rank: Int {
            switch self {
            case .exact: 0
            case .alias: 1
            case .possible: 2
            }
        }

        /// Orders stronger matches first.
        public static func < (lhs: Match, rhs: Match) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    /// Letters that compatibility decomposition leaves alone, written as the letters a person would type instead.
    /// Keys are lower case: the text is lowered before they are looked up.
    static let undecomposable: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h",
        "ŧ": "t",
    ]

    /// Cyrillic and Greek letters (lower case: the text is lowered first) that look like a Latin letter in upper
    /// or lower case, and the Latin letter they are folded to in matching: the common look-alikes, not Unicode's
    /// whole confusables table. Both cases of a letter fold alike (`Н` and `н` to `h`, after `Н`), so that names
    /// written wholly in Cyrillic or Greek still match each other whatever their case.
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = [
        // Cyrillic
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "һ": "h", "ӏ": "l",
        "ԛ": "q", "ԝ": "w", "ү": "y",
        // Greek
        "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "n", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "y", "χ": "x",
    ]

    /// The form conflict checks compare: `normalise(name)` with every letter of `confusables` folded to its Latin
    /// look-alike. Empty when the name holds no letter or digit.
    public static func matchingForm(_ name: String) -> String {
        foldConfusables(normalise(name))
    }

    /// A normalised name with every letter of `confusables` folded to its Latin look-alike.
    public static func foldConfusables(_ normalised: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars {
            folded.append(confusables[scalar] ?? scalar)
        }
        return String(folded)
    }

    /// The folded form of `name`: lower case, without diacritics, words separated by single spaces, no space at
    /// either end. Empty when the name holds no letter or digit.
    public static func normalise(_ name: String) -> String {
        let lowered = compatibilityDecomposed(name).lowercased()
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in lowered.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            let letters: String.UnicodeScalarView
            if let replacement = undecomposable[scalar] {
                letters = replacement.unicodeScalars
            } else if isLetterOrDigit(scalar) {
                letters = String.UnicodeScalarView([scalar])
            } else {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(contentsOf: letters)
        }
        return String(result)
    }

    /// `text` in Unicode's compatibility decomposition (NFKD): every scalar of `compatibilityTable` replaced by its
    /// decomposition, then the whole canonically decomposed (NFD). The same scalars as Foundation's
    /// `decomposedStringWithCompatibilityMapping` (`NameMatchingCompatibilityTests` compares every scalar).
    static func compatibilityDecomposed(_ text: String) -> String {
        var expanded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let decomposition = compatibilityDecompositions[scalar.value] {
                expanded.append(contentsOf: decomposition)
            } else {
                expanded.append(scalar)
            }
        }
        var decomposed = String.UnicodeScalarView()
        decomposed.append(contentsOf: String(expanded)._nfd)
        return String(decomposed)
    }

    /// `compatibilityTable` read once: scalar value to its compatibility decomposition.
    static let compatibilityDecompositions: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in compatibilityTable.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let fields = entry.split(separator: " ")
            let sources = fields.first?.split(separator: "*") ?? []
            guard fields.count == 2, let first = sources.first.flatMap({ UInt32($0, radix: 16) }) else { continue }
            let targets = fields[1].split(separator: "+").compactMap { UInt32($0, radix: 16) }
            let count = sources.count == 2 ? UInt32(sources[1]) ?? 1 : 1
            for offset in 0..<count {
                let values = count == 1 ? targets : targets.map { $0 + offset }
                table[first + offset] = values.compactMap(Unicode.Scalar.init)
            }
        }
        return table
    }()

    /// How `asked` matches `candidate`, a name as declared, whose organisation in the registry also goes by
    /// `aliases` (its registered name and aliases); `nil` when it does not. Compares the names' `matchingForm`.
    public static func match(asked: String, candidate: String, aliases: [String]) -> Match? {
        match(
            normalisedAsked: matchingForm(asked),
            normalisedCandidate: matchingForm(candidate),
            normalisedAliases: aliases.map(matchingForm)
        )
    }

    /// `match(asked:candidate:aliases:)` over names already in their `matchingForm`.
    public static func match(
        normalisedAsked asked: String,
        normalisedCandidate candidate: String,
        normalisedAliases aliases: [String]
    ) -> Match? {
        guard !asked.isEmpty else { return nil }
        if asked == candidate { return .exact }
        if aliases.contains(asked) { return .alias }
        let askedWords = words(asked)
        for other in [candidate] + aliases where !other.isEmpty {
            if contained(askedWords, words(other)) { return .possible }
        }
        return nil
    }

    /// Whether every word of the name with fewer words occurs in the other.
    static func contained(_ first: [Substring], _ second: [Substring]) -> Bool {
        guard !first.isEmpty, !second.isEmpty else { return false }
        let (shorter, longer) = first.count <= second.count ? (first, second) : (second, first)
        let available = Set(longer)
        return shorter.allSatisfy(available.contains)
    }

    /// The words of a normalised name.
    static func words(_ normalised: String) -> [Substring] {
        normalised.split(separator: " ")
    }

    /// Whether `scalar` is part of a word: a letter or a digit of any script.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
