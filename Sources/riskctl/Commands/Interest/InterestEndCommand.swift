import ArgumentParser
import RiskProtocol

/// `riskctl interest end`: record that an interest ended.
struct InterestEndCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "end",
        abstract: "Record the day an interest ended (today unless --on is given).",
        discussion: """
            The declaration is kept, as ended. Board members may end their own declarations; the admin role any.
            """
    )

    /// The interest that ended.
    @Argument(
        help: ArgumentHelp("The interest, I-7 or 7.", valueName: "I-ID"),
        transform: { try RecordKind.interest.parse($0) }
    )
    var interest: Int

    /// The day it ended.
    @Option(
        help: ArgumentHelp("Day the interest ended (default: today).", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var on: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = InterestInterface.End

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(id: interest, endedOn: on ?? CalendarDay.today())
    }

    /// Says when the interest ends.
    func present(_ reply: Method.Reply) throws {
        let ended = reply.interest
        let id = RecordKind.interest.format(ended.id)
        Output.line("\(id) ends on \(ended.endedOn ?? "?") (\(ended.status.rawValue)).")
    }
}
