import ArgumentParser

/// `--as-of`: a record as it stood at a past time, as the user wrote it; riskd reads and checks it (a date alone is
/// the end of that day, UTC).
struct AsOfOption: ParsableArguments {
    /// The time, as given.
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("As it stood at this date, YYYY-MM-DD, or RFC 3339 time (default: now).", valueName: "date")
    )
    var asOf: String?
}
