/// The configuration the risk rules depend on (`[risk]`).
public struct RiskPolicy: Sendable, Hashable {
    /// Allowed categories, in the order riskctl lists them.
    public var categories: [String]
    public var scoring: ScoringPolicy

    public init(categories: [String] = RiskPolicy.defaultCategories, scoring: ScoringPolicy = .standard) {
        self.categories = categories
        self.scoring = scoring
    }

    /// The default `risk.categories`.
    public static let defaultCategories = [
        "strategic", "financial", "operational", "reputational", "compliance", "governance", "safeguarding",
    ]
}

/// Limits on free text, so one record cannot grow without bound.
///
/// A limit is given in characters (grapheme clusters, what a person counts) and holds in UTF-8 bytes as well:
/// one character may be built of any number of combining marks ("A" and 50 000 accents is one character), so a
/// count of characters alone bounds nothing. `FieldRules.optionalText` is the one place that applies both.
public enum TextLimits {
    /// Titles, owners, short names.
    public static let short = 200
    /// Descriptions, notes, plans.
    public static let long = 10_000
    /// UTF-8 bytes allowed per character of a limit: four, the most one Unicode scalar takes, so text of any script
    /// that fits the character limit fits the byte limit too, unless its characters stack combining marks.
    public static let bytesPerCharacter = 4

    /// The most UTF-8 bytes a text limited to `characters` characters may take.
    public static func maximumBytes(forCharacters characters: Int) -> Int {
        characters * bytesPerCharacter
    }
}

/// Shared checks of single values; each names the field it checks.
public enum FieldRules {
    /// A rating of 1…5.
    public static func rating(_ value: Int, field: String) throws(DomainError) {
        guard (1...5).contains(value) else {
            throw .invalidValue(field, "must be between 1 and 5, not \(value)")
        }
    }

    /// Non-empty text (after trimming) within `limit` (see `optionalText`); returns it trimmed.
    public static func requiredText(
        _ value: String,
        field: String,
        limit: Int = TextLimits.short
    )
        throws(DomainError) -> String
    {
        let trimmed = trim(value)
        guard !trimmed.isEmpty else { throw .invalidValue(field, "must not be empty") }
        return try optionalText(trimmed, field: field, limit: limit)
    }

    /// Text of at most `limit` characters, and at most `TextLimits.maximumBytes(forCharacters: limit)` bytes of
    /// UTF-8, with no control characters other than newline and tab.
    public static func optionalText(
        _ value: String,
        field: String,
        limit: Int = TextLimits.long
    )
        throws(DomainError) -> String
    {
        // Bytes first: counting characters walks every scalar of a text that may be megabytes long.
        let bytes = value.utf8.count
        let maximumBytes = TextLimits.maximumBytes(forCharacters: limit)
        guard bytes <= maximumBytes else {
            throw .invalidValue(field, "must be at most \(maximumBytes) bytes of UTF-8, not \(bytes)")
        }
        guard value.count <= limit else {
            throw .invalidValue(field, "must be at most \(limit) characters, not \(value.count)")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7f })
        else { throw .invalidValue(field, "must not contain control characters") }
        return value
    }

    /// A calendar date `YYYY-MM-DD`.
    public static func date(_ value: String, field: String) throws(DomainError) -> CalendarDate {
        guard let date = CalendarDate(value) else {
            throw .invalidValue(field, "must be a date written YYYY-MM-DD, not \"\(value)\"")
        }
        return date
    }

    static func trim(_ value: String) -> String {
        var scalars = Substring(value)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
