/// The name a person is given in documents for people (the board pack, the public register page), as
/// `member.SetName` may store it.
///
/// What it cannot check: that the name is the person's. An administrator may set any board member's name, a board
/// member their own; the audit records who did, with the name as its keyed hash.
public enum PersonName {
    /// The most characters a name may have.
    public static let limit = TextLimits.short

    /// `value` trimmed, when it is a name documents may print: not blank, one line, at most `limit` characters, with
    /// no control characters and no bidirectional controls (which could make a printed name read as another).
    ///
    /// - Throws: `DomainError.invalidValue` naming `field` and the reason; nothing is stored.
    public static func validated(_ value: String, field: String = "name") throws(DomainError) -> String {
        let name = try FieldRules.requiredText(value, field: field, limit: limit)
        for scalar in name.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                throw .invalidValue(field, "must be one line, with no line breaks")
            }
            if scalar.properties.generalCategory == .control {
                throw .invalidValue(field, "must not contain control characters such as tabs")
            }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
            {
                throw .invalidValue(field, "must not contain bidirectional controls")
            }
        }
        return name
    }

    /// The name documents give a person: the one set for them (`member.SetName`), else their account's full name,
    /// else none (a document then writes the login).
    public static func chosen(set: String?, account: String?) -> String? {
        set ?? account
    }
}
