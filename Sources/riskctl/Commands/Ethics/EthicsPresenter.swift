import RiskProtocol

/// How the ethical code is printed for people: its fields as `key: value` lines, then its text as it is.
enum EthicsPresenter {
    /// Prints a version of the code: title, version, who published it and when, its hash, then its text.
    ///
    /// - Parameter sha256: the hash to show; `ethics ack` passes the one it computed of the text it prints.
    static func printCode(_ code: EthicsInterface.Code, sha256: String? = nil, current: Bool = false) {
        for line in codeLines(code, sha256: sha256, current: current) { Output.line(line) }
    }

    /// The lines `printCode` prints, for sending them through the pager.
    static func codeLines(_ code: EthicsInterface.Code, sha256: String? = nil, current: Bool = false) -> [String] {
        Output.fieldLines([
            ("Title", code.title),
            ("Version", current ? "\(code.version) (current)" : String(code.version)),
            ("Published", "\(code.publishedAt) by \(code.publishedBy)"),
            ("SHA-256", sha256 ?? code.sha256),
        ]) + [""] + text(of: code.body)
    }

    /// The lines of a code's text, safe to print on a terminal: tabs and line breaks are kept, other control
    /// characters (which riskd refuses anyway) become `�`, so no escape sequence can hide or rewrite a clause.
    /// Trailing empty lines are left out.
    static func text(of body: String) -> [String] {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var safe = ""
            for scalar in line.unicodeScalars {
                if scalar != "\t", scalar.properties.generalCategory == .control {
                    safe.unicodeScalars.append("\u{FFFD}")
                } else {
                    safe.unicodeScalars.append(scalar)
                }
            }
            return safe
        }
        while lines.last?.allSatisfy(\.isWhitespace) == true {
            lines.removeLast()
        }
        return lines
    }

    /// The start of a hash, for tables and one-line messages: `9f2c1e0b7a3d…`.
    static func short(_ sha256: String) -> String {
        sha256.count > 12 ? String(sha256.prefix(12)) + "…" : sha256
    }
}
