import ArgumentParser

/// Likelihood and impact ratings: whole numbers from 1 to 5.
enum Rating {
    /// The ratings riskd accepts.
    static let range = 1...5

    /// Reads a rating.
    ///
    /// - Throws: `ValidationError` whose message is the reason, e.g. `must be a whole number from 1 to 5, not 7`.
    static func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let value = Int(trimmed), range.contains(value) else {
            let shown = Int(trimmed) == nil ? "'\(text)'" : trimmed
            throw ValidationError("must be a whole number from 1 to 5, not \(shown)")
        }
        return value
    }

    /// Reads a score threshold: a whole number from 1 to 25.
    static func parseScore(_ text: String) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let value = Int(trimmed), (1...25).contains(value) else {
            throw ValidationError("must be a whole number from 1 to 25, not '\(text)'")
        }
        return value
    }
}
