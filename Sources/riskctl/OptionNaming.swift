import RiskProtocol

/// A command that sends protocol fields under the names of its options: `interest declare --since` sends
/// `startedOn`.
///
/// When riskd refuses a field with `InvalidValue` or `InvalidParameter`, `RiskCtl` words the error with the option
/// the user typed (`invalid value for --since: …`), through `RiskctlError.naming(_:)`: the one place errors are
/// printed reads the one mapping of the command that ran.
protocol OptionNaming {
    /// The option or argument the user typed for each protocol field the command sends: `startedOn` → `--since`.
    static var optionsByField: [String: String] { get }
}

extension RiskctlError {
    /// The same failure worded with the user's options when riskd refused a field `optionsByField` names.
    ///
    /// Protocol field names inside riskd's reason are replaced too, whole words only: "confirm without
    /// nothingToDeclare" becomes "confirm without --nothing-to-declare". Other errors are returned unchanged.
    func naming(_ optionsByField: [String: String]) -> RiskctlError {
        switch protocolError {
        case .invalidValue(let field, let reason)?:
            guard let option = optionsByField[field] else { return self }
            return described(
                as: "invalid value for \(option): \(Self.replacingFields(in: reason.singleLine, optionsByField))"
            )
        case .service(.invalidParameter(let field?))?:
            guard let option = optionsByField[field] else { return self }
            return described(as: "invalid value for \(option): not accepted by riskd")
        default:
            return self
        }
    }

    /// `text` with every whole word that is a protocol field of `optionsByField` replaced by its option.
    static func replacingFields(in text: String, _ optionsByField: [String: String]) -> String {
        var result = ""
        var word = ""
        func endWord() {
            result += optionsByField[word] ?? word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                endWord()
                result.append(character)
            }
        }
        endWord()
        return result
    }
}
