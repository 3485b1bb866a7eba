/// A token of the Varlink IDL, with the line it starts on and the comment lines just above it.
struct IDLToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A name or keyword: letters, digits, `_` and `.` (interface names have dots).
        case word(String)
        /// One of `( ) , : ? [ ] -`, or `->` as `arrow`.
        case symbol(Character)
        case arrow
        case end
    }

    var kind: Kind
    var line: Int
    /// The `#` comment lines that directly precede this token (no blank line between), without `#` and one space.
    var documentation: [String]
}

/// Splits IDL text into tokens, keeping the comments that document the next declaration or field.
enum IDLLexer {
    static func tokens(of text: String, file: String) throws(IDLParseError) -> [IDLToken] {
        var tokens: [IDLToken] = []
        var pending: [String] = []
        var line = 1
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\n":
                line += 1
                index += 1
                // A blank line separates a comment from what follows: it documents nothing then.
                var lookahead = index
                while lookahead < characters.count, characters[lookahead] == " " || characters[lookahead] == "\t" {
                    lookahead += 1
                }
                if lookahead < characters.count, characters[lookahead] == "\n" { pending = [] }
            case " ", "\t", "\r":
                index += 1
            case "#":
                var end = index + 1
                while end < characters.count, characters[end] != "\n" { end += 1 }
                var comment = String(characters[(index + 1)..<end])
                if comment.hasPrefix(" ") { comment.removeFirst() }
                pending.append(comment)
                index = end
            case "(", ")", ",", ":", "?", "[", "]":
                tokens.append(IDLToken(kind: .symbol(character), line: line, documentation: pending))
                pending = []
                index += 1
            case "-":
                guard index + 1 < characters.count, characters[index + 1] == ">" else {
                    throw IDLParseError(file: file, line: line, message: "expected `->`")
                }
                tokens.append(IDLToken(kind: .arrow, line: line, documentation: pending))
                pending = []
                index += 2
            default:
                guard isWordCharacter(character) else {
                    throw IDLParseError(file: file, line: line, message: "unexpected character `\(character)`")
                }
                var end = index
                while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
                tokens.append(
                    IDLToken(
                        kind: .word(String(characters[index..<end])),
                        line: line,
                        documentation: pending
                    )
                )
                pending = []
                index = end
            }
        }
        tokens.append(IDLToken(kind: .end, line: line, documentation: []))
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ".")
    }
}
