import ArgumentParser
import RiskProtocol

/// `riskctl meeting create`: a new draft meeting.
struct MeetingCreateCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a draft meeting and print it.",
        discussion:
            "\(MeetingInterface.Create.policy.needsSentence) Add its agenda with meeting item add, then publish it."
    )

    /// What the meeting is.
    @Argument(help: ArgumentHelp("What the meeting is, e.g. \"Board meeting\".", valueName: "title"))
    var title: String

    /// The day it meets.
    @Option(help: ArgumentHelp("The day it meets.", valueName: "YYYY-MM-DD"), transform: CalendarDay.parse)
    var date: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Creates the meeting and prints it as stored.
    func run() throws {
        let answer = try options.connect().call(MeetingInterface.Create.self, .init(title: title, date: date))
        if options.json {
            return try Output.json(answer.parameters)
        }
        MeetingPresenter.printFields(of: try answer.decoded().meeting)
    }
}
