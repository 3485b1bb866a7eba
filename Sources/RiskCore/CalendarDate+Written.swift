extension CalendarDate {
    /// English month names, January first.
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The date as people write it in a document: `5 March 2027`.
    ///
    /// Documents for people (the minutes) use it; `--json`, tables and the protocol keep `YYYY-MM-DD`.
    public var written: String {
        let (year, month, day) = components
        return "\(day) \(Self.monthNames[month - 1]) \(year)"
    }
}
