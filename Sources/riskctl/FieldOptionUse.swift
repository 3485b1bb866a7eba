/// Which command a record's field options (`RiskDetailOptions`, `OrganisationDetailOptions`) are worded for: the
/// one that adds the record (`NewRecord`) or the one that changes it (`RecordChange`). The options are declared once
/// for both; only their help differs.
protocol FieldOptionUse {
    /// Whether the options change a record, so that their help says "New …", rather than describe a new one.
    static var changes: Bool { get }
}

/// The options as an `add` command words them.
enum NewRecord: FieldOptionUse {
    /// A new record: its fields are described, not changed.
    static var changes: Bool { false }
}

/// The options as an `update` command words them.
enum RecordChange: FieldOptionUse {
    /// A change: each option gives a field's new value.
    static var changes: Bool { true }
}
