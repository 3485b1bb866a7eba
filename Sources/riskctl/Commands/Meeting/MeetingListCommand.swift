import ArgumentParser
import RiskProtocol

/// `riskctl meeting list`: the meetings by date.
struct MeetingListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings by date, one line each."
    )

    /// Only meetings from this day on.
    @Option(
        help: ArgumentHelp("Only meetings on this day or later.", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var since: String?

    /// Only meetings up to this day.
    @Option(
        help: ArgumentHelp("Only meetings on this day or earlier.", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var until: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads every page of meetings and prints them as one table.
    func run() throws {
        let pages = try options.connect().collectPages(MeetingInterface.List.self, itemsKey: "meetings") {
            after,
            size in
            MeetingInterface.List.Parameters(since: since, until: until, limit: size, after: after)
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let meetings = try pages.decoded().flatMap(\.meetings)
        var table = Table([
            .init(title: "MEETING"), .init(title: "DATE"), .init(title: "STATUS"), .init(title: "CREATED BY"),
            .init(title: "TITLE"),
        ])
        for meeting in meetings {
            table.append([
                .init(MeetingPresenter.reference(meeting)), .init(meeting.date), .init(meeting.status.rawValue),
                .init(meeting.createdBy), .init(meeting.title),
            ])
        }
        let count = meetings.count
        table.print(legend: "\(count) \(count == 1 ? "meeting" : "meetings") listed.", options: options)
    }
}
