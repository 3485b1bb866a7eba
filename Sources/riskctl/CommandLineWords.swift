/// A command line cut into words as a POSIX shell would cut it, without a shell: quotes and backslashes are
/// honoured, nothing is expanded, and what a shell would treat as more than words is refused.
///
/// Used for the command line a board member gives to ssh (`ssh ana@server interest list`, run by the board shell)
/// and for `$RISKD_SSH`. Refused, outside quotes: `;` `&` `|` `<` `>` `(` `)` and a line break (a shell would run
/// more than one command or redirect), `$` and `` ` `` anywhere but inside single quotes (a shell would substitute
/// something), and a `#` starting a word (a comment). `*`, `?`, `[` and `~` are kept as they are: nothing is
/// globbed or expanded, so they mean themselves.
enum CommandLineWords {
    /// Why a line was refused; `description` is one line for the user.
    struct Refusal: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The characters that end a word.
    private static let blanks: Set<Character> = [" ", "\t"]
    /// The characters a shell reads as operators.
    private static let operators: Set<Character> = [";", "&", "|", "<", ">", "(", ")", "\n", "\r"]
    /// The characters a shell substitutes after, outside single quotes.
    private static let substitutions: Set<Character> = ["$", "`"]

    /// The words of `line`; an empty or blank line has none.
    static func split(_ line: String) throws(Refusal) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case _ where blanks.contains(character):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw Refusal(description: "unterminated ' quote") }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.next() else { throw Refusal(description: "unterminated \" quote") }
                    if next == "\"" { break }
                    if substitutions.contains(next) { throw refused(next) }
                    if next == "\\" {
                        guard let escaped = characters.next() else {
                            throw Refusal(description: "unterminated \" quote")
                        }
                        // Inside double quotes a backslash escapes only these; before anything else it stays.
                        if !["\"", "\\", "$", "`", "\n"].contains(escaped) { word.append("\\") }
                        if escaped != "\n" { word.append(escaped) }
                        continue
                    }
                    word.append(next)
                }
            case "\\":
                guard let escaped = characters.next() else {
                    throw Refusal(description: "a backslash ends the line")
                }
                inWord = true
                if escaped != "\n" { word.append(escaped) }
            case "#" where !inWord:
                throw refused(character)
            case _ where operators.contains(character) || substitutions.contains(character):
                throw refused(character)
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }

    private static func refused(_ character: Character) -> Refusal {
        let shown = character == "\n" ? "a line break" : character == "\r" ? "a carriage return" : "'\(character)'"
        return Refusal(
            description:
                "\(shown) is not allowed: the command runs without a shell (put it in single quotes to mean it as it is)"
        )
    }
}
