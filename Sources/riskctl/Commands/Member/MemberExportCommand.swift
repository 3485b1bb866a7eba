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

/// `riskctl member export`: everything riskd holds about a member, as JSON for programs or as a document for the
/// member to read.
struct MemberExportCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything riskd holds about a member: yours, or, for an admin or auditor, anyone's.",
        discussion: """
            The export holds the member entry, every interest declared (ended and sensitive ones too), \
            confirmations, acknowledgements of the code, recusals, the concerns raised (never those about the \
            member), the audit entries about these records, when riskd saw the member hold each role and the names \
            documents gave them. It holds nothing about anyone else. A board member \
            may export only their own data. --format text or html writes it for the member to read (dates and \
            kinds in words, the audit's details as lines, one self-contained page for html); json writes riskd's \
            reply for programs. Without --format: text on a terminal, JSON when written to a file or a pipe.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, html
    }

    /// The member; the caller when left out.
    @Argument(help: ArgumentHelp("The member's user name (default: you).", valueName: "user"))
    var user: String?

    /// How to write it; nil decides by where it goes (`format(toTerminal:)`).
    @Option(help: ArgumentHelp("json, text or html (default: text on a terminal, else json).", valueName: "format"))
    var format: Format?

    /// Where to write it (`-o`, `--mode`).
    @OptionGroup var file: OutputFileOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The format to write: the one asked for; JSON for `--json`; else text for a person at a terminal (no `-o`,
    /// standard output a terminal), JSON for a program.
    func format(toTerminal: Bool) -> Format {
        if options.json { return .json }
        if let format { return format }
        return file.output == nil && toTerminal ? .text : .json
    }

    /// Asks riskd for the records and writes them.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.Export.self, .init(user: user))
        let format = format(toTerminal: isatty(STDOUT_FILENO) == 1)
        guard let output = file.output else {
            switch format {
            case .json: return try Output.json(answer.parameters)
            case .text: return print(MemberExportDocument(try answer.decoded()).text(), terminator: "")
            case .html: return print(MemberExportDocument(try answer.decoded()).html(), terminator: "")
            }
        }
        let reply = try answer.decoded()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try OutputFileOptions.write(try encoder.encode(reply), to: output, mode: file.mode)
        case .text:
            _ = try file.write(MemberExportDocument(reply).text())
        case .html:
            _ = try file.write(MemberExportDocument(reply).html())
        }
        Output.note(
            "Wrote the data of \(reply.member.user) to \(output): \(reply.interests.count) interests, "
                + "\(reply.recusals.count) recusals, \(reply.concerns.count) concerns, \(reply.audit.count) audit entries."
        )
    }
}
