import ArgumentParser

/// The kinds of record riskctl names by a letter and a number: `R-12` is risk 12, `A-3` is action 3, `O-5`
/// organisation 5, `I-7` interest 7, `C-12` conflict check 12 (or, in `riskctl concern`, concern 12), `F-40`
/// finding 40 and `M-3` board meeting 3. Agenda items have no letter: they are numbered within their meeting
/// (item 4 of M-3).
enum RecordKind {
    /// A risk, `R-`.
    case risk
    /// A mitigating action, `A-`.
    case action
    /// An organisation of the registry, `O-`.
    case organisation
    /// A declared interest, `I-`.
    case interest
    /// A stored conflict check, `C-`.
    case check
    /// A finding of the review, `F-`.
    case finding
    /// A board meeting, `M-`.
    case meeting
    /// A raised concern, `C-` like a check: the command says which is meant.
    case concern

    /// The letter of the kind, as printed.
    var letter: String {
        switch self {
        case .risk: "R"
        case .action: "A"
        case .organisation: "O"
        case .interest: "I"
        case .check: "C"
        case .finding: "F"
        case .meeting: "M"
        case .concern: "C"
        }
    }

    /// The word for the kind, for messages.
    var noun: String {
        switch self {
        case .risk: "risk"
        case .action: "action"
        case .organisation: "organisation"
        case .interest: "interest"
        case .check: "conflict check"
        case .finding: "finding"
        case .meeting: "meeting"
        case .concern: "concern"
        }
    }

    /// The id as printed: `R-12`.
    func format(_ id: Int) -> String {
        "\(letter)-\(id)"
    }

    /// Ids as a list: `R-1 … R-21` when more than two run on without a gap, else each one; `none` for no id.
    func describe(_ ids: [Int]) -> String {
        guard let first = ids.first, let last = ids.last else { return "none" }
        let consecutive = zip(ids, ids.dropFirst()).allSatisfy { $1 == $0 + 1 }
        if ids.count > 2, consecutive {
            return "\(format(first)) … \(format(last))"
        }
        return ids.map(format).joined(separator: ", ")
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

    /// The kind whose records `method` (`org.riskd.interest.Update`) changes, for naming the record of an error.
    static func changed(by method: String?) -> RecordKind {
        guard let method else { return .risk }
        if method.hasPrefix("org.riskd.organisation.") { return .organisation }
        if method.hasPrefix("org.riskd.interest.") { return .interest }
        if method.hasPrefix("org.riskd.concern.") { return .concern }
        if method.hasPrefix("org.riskd.meeting.") { return .meeting }
        return method.hasSuffix("Action") ? .action : .risk
    }

    private var article: String {
        switch self {
        case .risk, .check, .finding, .meeting, .concern: "a"
        case .action, .organisation, .interest: "an"
        }
    }
}
