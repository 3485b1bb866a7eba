/// Plain-text helpers for mail: one-line values and wrapped paragraphs.
public enum MailText {
    /// `text` on one line: control characters and line breaks become spaces, runs of spaces one, at most `limit`
    /// characters (an ellipsis marks a cut). Anything from the register goes through this before a mail holds it.
    public static func line(_ text: String, limit: Int = 120) -> String {
        var out = ""
        var lastWasSpace = true
        for character in text {
            let isSpace =
                character.isWhitespace || character.unicodeScalars.contains { $0.value < 32 || $0.value == 127 }
            if isSpace {
                if !lastWasSpace { out.append(" ") }
            } else {
                out.append(character)
            }
            lastWasSpace = isSpace
        }
        while out.last == " " { out.removeLast() }
        guard out.count > limit else { return out }
        return String(out.prefix(limit - 1)) + "…"
    }

    /// Each line of `text` wrapped at `width` columns on spaces. A continuation keeps the line's indentation, and
    /// under a `* ` item lines up with the item's text. A word longer than the width stays whole.
    public static func wrap(_ text: String, width: Int = 76) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            guard line.count > width else { return line }
            var indent = line.prefix(while: { $0 == " " }).count
            if line.dropFirst(indent).hasPrefix("* ") { indent += 2 }
            let pad = String(repeating: " ", count: indent)
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                let prefix = lines.isEmpty && current.isEmpty ? String(line.prefix(while: { $0 == " " })) : pad
                if current.isEmpty {
                    current = prefix + word
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = pad + word
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
