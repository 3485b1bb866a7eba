import ArgumentParser
import RiskProtocol

/// `riskctl review preview`: the findings that would be open at a given time, stored and alerted nowhere.
struct ReviewPreviewCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show the findings that would be open at a given time, such as the day of a board meeting.",
        discussion: """
            Nothing is stored or written to the journal. A finding that is not stored yet has no id and shows \
            as -. A date YYYY-MM-DD is sent as 00:00 UTC that day (YYYY-MM-DDT00:00:00Z); a time with an offset \
            is sent converted to UTC. \(ReviewInterface.Preview.policy.needsSentence)
            """
    )

    /// When to evaluate, as the RFC 3339 UTC time sent to riskd.
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Evaluate at this date, YYYY-MM-DD, or RFC 3339 time, such as 2027-01-15T09:00:00Z (default: now).",
            valueName: "date"
        ),
        transform: ReviewPreviewCommand.parseTime
    )
    var asOf: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks riskd what would be open and prints it as a table.
    func run() throws {
        let time = asOf ?? RFC3339.utc(RFC3339.now())
        let answer = try options.connect().call(ReviewInterface.Preview.self, .init(asOf: time))
        try options.show(answer) { reply in
            let findings = reply.findings
            let legend = "\(findings.count) \(findings.count == 1 ? "finding" : "findings") would be open at \(time)."
            ReviewPresenter.findingsTable(findings).print(legend: legend, options: options)
        }
    }

    /// Reads `--as-of`: a date `YYYY-MM-DD` becomes `YYYY-MM-DDT00:00:00Z`; an RFC 3339 time is converted to UTC.
    ///
    /// - Throws: `ValidationError` for anything else, without the text, which argument-parser shows.
    static func parseTime(_ text: String) throws -> String {
        let invalid = ValidationError("must be a date YYYY-MM-DD or an RFC 3339 time such as 2027-01-15T09:00:00Z")
        let trimmed = text.trimmingWhitespace()
        if !trimmed.contains(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
            guard let day = try? CalendarDay.parse(trimmed) else { throw invalid }
            return day + "T00:00:00Z"
        }
        // RFC 3339 allows a space for the `T`.
        if let seconds = RFC3339.seconds(trimmed.replacing(" ", with: "T")) {
            return RFC3339.utc(seconds)
        }
        throw invalid
    }
}
