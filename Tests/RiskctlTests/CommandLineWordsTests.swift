import Testing

@testable import riskctl

@Suite("A command line given to ssh is cut into words as a shell would, and what needs a shell is refused")
struct CommandLineWordsTests {
    /// Lines and their words.
    static let accepted: [(String, [String])] = [
        ("", []),
        ("   \t ", []),
        ("interest list", ["interest", "list"]),
        ("  interest   list  ", ["interest", "list"]),
        ("riskctl whoami", ["riskctl", "whoami"]),
        (
            "interest declare --organisation 'Zaklada Kvaka' --kind board",
            [
                "interest", "declare", "--organisation", "Zaklada Kvaka", "--kind", "board",
            ]
        ),
        ("risk add --title \"Ana's grant\"", ["risk", "add", "--title", "Ana's grant"]),
        ("a 'b''c' d", ["a", "bc", "d"]),
        ("note 'costs $5; paid `later`'", ["note", "costs $5; paid `later`"]),
        ("x \"a \\\"quoted\\\" \\\\ word\"", ["x", "a \"quoted\" \\ word"]),
        ("x \"back\\slash\"", ["x", "back\\slash"]),
        ("x \\'y\\ z", ["x", "'y z"]),
        ("empty '' \"\"", ["empty", "", ""]),
        ("glob * ?.txt [ab] ~", ["glob", "*", "?.txt", "[ab]", "~"]),
        ("word#hash", ["word#hash"]),
        ("x '#' \\;", ["x", "#", ";"]),
        ("Đorđe ‘curly’", ["Đorđe", "‘curly’"]),
    ]

    @Test("Words, quotes and escapes", arguments: accepted)
    func words(line: String, expected: [String]) throws {
        #expect(try CommandLineWords.split(line) == expected)
    }

    /// Lines refused, and a word their refusal names.
    static let refused: [(String, String)] = [
        ("interest list; rm -rf /", "';'"),
        ("interest list | mail x", "'|'"),
        ("interest list & ls", "'&'"),
        ("interest list && ls", "'&'"),
        ("interest list > /tmp/x", "'>'"),
        ("interest import < /etc/passwd", "'<'"),
        ("(whoami)", "'('"),
        ("whoami\nls", "a line break"),
        ("whoami $HOME", "'$'"),
        ("whoami \"$HOME\"", "'$'"),
        ("whoami `id`", "'`'"),
        ("whoami \"`id`\"", "'`'"),
        ("whoami # comment", "'#'"),
        ("whoami 'open", "unterminated ' quote"),
        ("whoami \"open", "unterminated \" quote"),
        ("whoami \"open\\", "unterminated \" quote"),
        ("whoami \\", "backslash"),
    ]

    @Test("Operators, substitutions, comments and unterminated quotes are refused", arguments: refused)
    func refusal(line: String, named: String) {
        #expect {
            try CommandLineWords.split(line)
        } throws: { error in
            (error as? CommandLineWords.Refusal)?.description.contains(named) == true
        }
    }
}
