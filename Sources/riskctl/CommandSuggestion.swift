import ArgumentParser

/// The line for a command word riskctl does not know, with the nearest one it does: `unknown command 'rsik'; did
/// you mean 'risk'?`.
enum CommandSuggestion {
    /// The message for the first word of `arguments` that names no subcommand where one is expected, or `nil`
    /// when every command word is known (the usage error is then about something else).
    static func unknownCommand(in arguments: [String]) -> String? {
        var current: any ParsableCommand.Type = RiskCtl.self
        var path = ["riskctl"]
        var words = arguments[...]
        if words.first == "help" {
            words = words.dropFirst()
        }
        for word in words where !word.hasPrefix("-") {
            let subcommands = current.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            guard let match = subcommands.first(where: { $0.configuration.commandName == word }) else {
                let names = subcommands.compactMap { $0.configuration.commandName }
                let known = path.count == 1 ? names + ["help"] : names
                let hint = nearest(to: word, in: known).map { "; did you mean '\($0)'?" } ?? ""
                return "unknown command '\(word)'\(hint) (see '\(path.joined(separator: " ")) --help')"
            }
            path.append(word)
            current = match
        }
        return nil
    }

    /// The name in `names` closest to `word` by edit distance, if it is close enough to be a typing slip: at most
    /// 2 edits, and fewer than half the word's letters.
    static func nearest(to word: String, in names: [String]) -> String? {
        let scored = names.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= 2 && best.distance * 2 < max(word.count, best.name.count) ? best.name : nil
    }

    /// Levenshtein distance with transpositions counted as one edit (`rsik` is one from `risk`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
