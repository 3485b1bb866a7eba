extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The string without the trailing characters that satisfy `predicate`.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) {
            result.removeLast()
        }
        return result
    }

    /// The string safe to print on a terminal on one line: line breaks and tabs become spaces, and other control
    /// characters (an escape sequence hidden in a title) become `�`.
    var singleLine: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                result.unicodeScalars.append(" ")
            case _ where scalar.properties.generalCategory == .control:
                result.unicodeScalars.append("\u{FFFD}")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
