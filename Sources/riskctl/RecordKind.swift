import ArgumentParser

/// The kinds of record riskctl names by a letter and a number: `R-12` is risk 12, `A-3` is action 3.
enum RecordKind {
    /// A risk, `R-`.
    case risk
    /// A mitigating action, `A-`.
    case action

    /// The letter of the kind, as printed.
    var letter: String {
        switch self {
        case .risk: "R"
        case .action: "A"
        }
    }

    /// The word for the kind, for messages.
    var noun: String {
        switch self {
        case .risk: "risk"
        case .action: "action"
        }
    }

    /// The id as printed: `R-12`.
    func format(_ id: Int) -> String {
        "\(letter)-\(id)"
    }

    /// Reads an id written `R-12`, `r-12` or `12` (with this kind's letter).
    ///
    /// - Throws: `ValidationError` for anything else, including the other kind's letter; its message does not repeat
    ///   the text, which argument-parser shows.
    func parse(_ text: String) throws -> Int {
        var digits = Substring(text.trimmingWhitespace())
        if let dash = digits.firstIndex(of: "-") {
            let prefix = digits[..<dash].uppercased()
            guard prefix == letter else {
                throw ValidationError("not \(article) \(noun) id; write \(format(12)) or 12")
            }
            digits = digits[digits.index(after: dash)...]
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let id = Int(digits), id > 0 else {
            throw ValidationError("not \(article) \(noun) id; write \(format(12)) or 12")
        }
        return id
    }

    private var article: String {
        switch self {
        case .risk: "a"
        case .action: "an"
        }
    }
}
