import ArgumentParser

/// Every required option a command line lacks, named at once: argument-parser stops at the first
/// (`Missing expected argument '--category <name>'`), and a person would learn them one try at a time.
///
/// It asks argument-parser again with a stand-in value for each missing option until it names no more, so the
/// list is argument-parser's own (the commands declare what is required, nothing is listed twice). Parsing runs no
/// command: nothing is sent to riskd.
enum MissingArguments {
    /// The prefix of argument-parser's message for a missing argument.
    static let prefix = "Missing expected argument '"

    /// Stand-ins tried for a missing option's value, so that one that must be a number or a date parses.
    private static let standIns = ["1", "2026-01-01", "x"]

    /// The missing arguments of `arguments` as argument-parser writes them (`--category <name>`), the first being
    /// `first`; `parse` parses a command line and returns argument-parser's message, or `nil` when it parses.
    static func all(in arguments: [String], first: String, parse: ([String]) -> String?) -> [String] {
        var missing = [first]
        var filled = arguments
        // An option is filled in before a `--`, after which everything is an argument.
        let end = { (line: [String]) in line.firstIndex(of: "--") ?? line.endIndex }
        while missing.count < 20, let option = missing.last?.split(separator: " ").first, option.hasPrefix("--") {
            var next: String?
            for standIn in standIns {
                var line = filled
                line.insert(contentsOf: [String(option), standIn], at: end(line))
                guard let message = parse(line) else { return missing }
                guard let name = argument(in: message) else { continue }
                if name != missing.last {
                    filled = line
                    next = name
                }
                break
            }
            guard let next, !missing.contains(next) else { break }
            missing.append(next)
        }
        return missing
    }

    /// The argument named in argument-parser's message for a missing one: `--category <name>`.
    static func argument(in message: String) -> String? {
        guard let start = message.firstRange(of: prefix)?.upperBound else { return nil }
        let rest = message[start...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// The line riskctl prints: argument-parser's for one, all of them for more.
    static func sentence(_ missing: [String]) -> String {
        let quoted = missing.map { "'\($0)'" }
        guard let last = quoted.last else { return "missing expected arguments" }
        if quoted.count == 1 { return "missing expected argument \(last)" }
        return "missing expected arguments \(quoted.dropLast().joined(separator: ", ")) and \(last)"
    }
}
