import ArgumentParser
import RiskProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `riskctl report board`: the board pack, one HTML page to print or send.
struct ReportBoardCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Write the board pack: the register as it stood at a time, as one printable HTML page.",
        discussion: """
            The pack holds the heat maps, the risks above appetite, the ten highest risks with their change over \
            90 days, overdue reviews and actions, open findings, who has not acknowledged the code or confirmed \
            their declarations, the declarations in force and, with --meeting, the meeting's agenda and recusals. \
            Its footer prints the audit chain head at that time: `riskctl audit verify --head HASH` later says \
            whether the register still holds it. The same --as-of on the same register writes the same bytes. The \
            default is the circulation copy, for everyone: other members' sensitive declarations and recusals are \
            withheld, so one copy can go to the whole board. --confidential (admin, auditor) writes every entry, \
            each sensitive one marked, with "Confidential" in the title. Without -o the page goes to standard \
            output; -o writes a file mode 0600; --json prints riskd's reply instead (html, asOf, auditHead).
            """
    )

    /// The meeting whose agenda the pack includes.
    @Option(
        name: .customLong("meeting"),
        help: ArgumentHelp("Include the agenda and recusals of this meeting, M-3 or 3.", valueName: "M-ID"),
        transform: { try RecordKind.meeting.parse($0) }
    )
    var meeting: Int?

    /// The time the pack describes, as given (riskd reads it).
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The register as it stood at this date, YYYY-MM-DD (the end of that day, UTC), or RFC 3339 time "
                + "(default: now).",
            valueName: "date"
        )
    )
    var asOf: String?

    /// The confidential copy (admin, auditor).
    @Flag(
        help: ArgumentHelp(
            "Write the confidential copy, with every member's sensitive declarations and recusals, each marked "
                + "(admin or auditor; the default is the circulation copy for the whole board)."
        )
    )
    var confidential = false

    /// Where to write the page (`-o`, `--mode`).
    @OptionGroup var file: OutputFileOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = ReportInterface.Board

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(asOf: asOf, meetingId: meeting, confidential: confidential ? true : nil)
    }

    /// Writes the pack to the file given, or prints it.
    func present(_ reply: Method.Reply) throws {
        guard let output = file.output, try file.write(reply.html) else {
            print(reply.html, terminator: "")
            return
        }
        let copy = confidential ? "the confidential board pack" : "the board pack"
        Output.note("Wrote \(copy) as at \(reply.asOf) to \(output) (audit chain head \(reply.auditHead)).")
    }
}
