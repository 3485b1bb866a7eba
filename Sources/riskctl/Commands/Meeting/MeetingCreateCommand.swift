import ArgumentParser
import RiskProtocol

/// `riskctl meeting create`: a new draft meeting.
struct MeetingCreateCommand: CallCommand {
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

    /// The method called.
    typealias Method = MeetingInterface.Create

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(title: title, date: date)
    }

    /// Prints the meeting as stored.
    func present(_ reply: Method.Reply) throws {
        MeetingPresenter.printFields(of: reply.meeting)
    }
}
