import ArgumentParser

/// Likelihood and impact ratings: whole numbers from 1 to 5.
enum Rating {
    /// The ratings riskd accepts.
    static let range = 1...5

    /// Reads a rating.
    ///
    /// - Throws: `ValidationError` whose message is the reason, e.g. `must be a whole number from 1 to 5`; it does not
    ///   repeat the text, which the caller shows.
    static func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let value = Int(trimmed), range.contains(value) else {
            throw ValidationError("must be a whole number from 1 to 5")
        }
        return value
    }

    /// Reads a score threshold: a whole number from 1 to 25.
    static func parseScore(_ text: String) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let value = Int(trimmed), (1...25).contains(value) else {
            throw ValidationError("must be a whole number from 1 to 25")
        }
        return value
    }
}
