import ArgumentParser
import RiskProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl meeting minutes`: the "Declarations of interest" section of the minutes, in Markdown or as one HTML page.
struct MeetingMinutesCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Print the minutes' \"Declarations of interest\" section of a meeting, in Markdown or HTML.",
        discussion: """
            For every recusal, item by item: the member, the nature of the interest, whether it was declared in \
            advance or at the meeting, what the member did, and whether the meeting stayed quorate, in words for \
            people (dates as "5 March 2027"). A sensitive interest reads "a private interest" whoever asks, so \
            that the minutes can be circulated. --format html writes one self-contained page, printable on A4, \
            as riskd renders it; -o writes to a file (mode 0600 unless --mode says otherwise) instead of standard \
            output. --as-of writes the minutes as they read then, the same bytes however the meeting changed later.
            """
    )

    /// The meeting.
    @Argument(
        help: ArgumentHelp("The meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int

    /// Markdown or HTML.
    @Option(help: ArgumentHelp("markdown (default) or html.", valueName: "format"))
    var format: Format = .markdown

    /// The minutes of a past time.
    @OptionGroup var time: AsOfOption

    /// Where to write the minutes (`-o`, `--mode`).
    @OptionGroup var file: OutputFileOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The formats riskd writes the minutes in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    /// The method called.
    typealias Method = MeetingInterface.Minutes

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            id: meeting,
            format: format == .html ? "html" : nil,
            asOf: time.asOf
        )
    }

    /// Prints (or writes) riskd's Markdown or page as it came.
    ///
    /// Redirected to a file, the text is written byte for byte; on a terminal, control characters other than line
    /// breaks are replaced, as everywhere riskctl prints register text.
    func present(_ reply: Method.Reply) throws {
        let text = format == .html ? (reply.html ?? "") : reply.markdown
        if let output = file.output, try file.write(text) {
            return Output.note("Wrote the minutes of \(RecordKind.meeting.format(meeting)) to \(output).")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            return print(text, terminator: "")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" {
            lines.removeLast()
        }
        for line in lines {
            Output.line(String(line).singleLine)
        }
    }
}
