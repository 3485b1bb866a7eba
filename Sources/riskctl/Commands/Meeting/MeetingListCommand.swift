import ArgumentParser
import RiskProtocol

/// `riskctl meeting list`: the meetings by date.
struct MeetingListCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings by date, one line each.",
        discussion: """
            --as-of lists the meetings as riskd had recorded them then: each with its status then, none created \
            later.
            """
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

    /// The meetings of a past time.
    @OptionGroup var time: AsOfOption

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = MeetingInterface.List

    /// The reply field holding a page's meetings.
    static let itemsKey = "meetings"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [MeetingInterface.Meeting]> { \.meetings }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(since: since, until: until, limit: size, after: after, asOf: time.asOf)
    }

    /// Prints the meetings of every page as one table.
    func present(_ meetings: [MeetingInterface.Meeting]) {
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
