/// Bounds on what one reply may carry, and estimates of what a record takes in one (`interest.List`,
/// `interest.Checks`).
///
/// A list method fills a page up to its `limit` and stops earlier once the records taken so far would encode to
/// more than `pageBytes`, returning `next` as usual; a page always holds at least one record, so every record can
/// be read, and a record is bounded by the text limits and the configured caps.
public enum ReplySize {
    /// The most bytes a page of a list should encode to: 256 KiB.
    public static let pageBytes = 256 * 1024

    /// An upper bound on the bytes `text` takes as a JSON string: its UTF-8, the quotes, and the worst escape
    /// (`\u00XX`, six bytes) for every quote, backslash or control byte.
    public static func of(_ text: String) -> Int {
        var bytes = 2
        for byte in text.utf8 {
            bytes += byte < 0x20 || byte == 0x22 || byte == 0x5C ? 6 : 1
        }
        return bytes
    }

    /// An upper bound on the bytes `check` takes in a reply (field names, numbers and punctuation included).
    public static func of(_ check: ConflictCheck) -> Int {
        var bytes = 128 + of(check.by) + of(check.matter)
        for name in check.organisations { bytes += 1 + of(name) }
        for conflict in check.conflicts {
            bytes += 96 + of(conflict.declarant) + of(conflict.kind) + of(conflict.organisation)
        }
        return bytes
    }

    /// An upper bound on the bytes `interest` takes in a reply.
    public static func of(_ interest: Interest) -> Int {
        var bytes = 512 + of(interest.declarant) + of(interest.organisation) + of(interest.description)
        bytes += interest.value.map(of) ?? 0
        bytes += interest.managementPlan.map(of) ?? 0
        bytes += interest.managedBy.map(of) ?? 0
        return bytes
    }

    /// Counts the bytes of a page as records are added to it.
    public struct Page: Sendable, Hashable {
        /// The budget of the page.
        public let budget: Int
        /// Bytes taken so far.
        public private(set) var used = 0
        /// Records taken so far.
        public private(set) var records = 0

        /// An empty page with `budget` bytes.
        public init(budget: Int = ReplySize.pageBytes) {
            self.budget = budget
        }

        /// Takes a record of `bytes` when it fits, or when the page is still empty; `false` when the page is full
        /// and the record belongs on the next one.
        public mutating func take(_ bytes: Int) -> Bool {
            guard records == 0 || used + bytes <= budget else { return false }
            used += bytes
            records += 1
            return true
        }
    }
}
