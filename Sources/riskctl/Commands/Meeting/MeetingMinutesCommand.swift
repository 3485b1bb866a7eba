import ArgumentParser
import RiskProtocol

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl meeting minutes`: the "Declarations of interest" section of the minutes, in Markdown.
struct MeetingMinutesCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Print the minutes' \"Declarations of interest\" section of a meeting, in Markdown.",
        discussion: """
            For every recusal, item by item: the member, the nature of the interest, whether it was declared in \
            advance or at the meeting, what the member did, and whether the meeting stayed quorate. A sensitive \
            interest reads "a private interest" whoever asks, so that the minutes can be circulated.
            """
    )

    /// The meeting.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Prints riskd's Markdown as it came.
    ///
    /// Redirected to a file, the text is written byte for byte; on a terminal, control characters other than line
    /// breaks are replaced, as everywhere riskctl prints register text.
    func run() throws {
        let answer = try options.connect().call(MeetingInterface.Minutes.self, .init(id: meeting))
        if options.json {
            return try Output.json(answer.parameters)
        }
        let markdown = try answer.decoded().markdown
        guard isatty(STDOUT_FILENO) == 1 else {
            return print(markdown, terminator: "")
        }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" {
            lines.removeLast()
        }
        for line in lines {
            Output.line(String(line).singleLine)
        }
    }
}
