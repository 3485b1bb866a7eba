import ArgumentParser
import RiskProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `riskctl member export`: everything riskd holds about a member, as JSON.
struct MemberExportCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything riskd holds about a member as JSON: yours, or, for an admin or auditor, anyone's.",
        discussion: """
            The file holds the member entry, every interest declared (ended and sensitive ones too), confirmations, \
            acknowledgements of the code, recusals, the concerns raised (never those about the member) and the \
            audit entries about these records. It holds nothing about anyone else. A board member may export only \
            their own data.
            """
    )

    /// The member; the caller when left out.
    @Argument(help: ArgumentHelp("The member's user name (default: you).", valueName: "user"))
    var user: String?

    /// Where to write it (`-o`, `--mode`).
    @OptionGroup var file: OutputFileOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks riskd for the records and writes them.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.Export.self, .init(user: user))
        guard let output = file.output else { return try Output.json(answer.parameters) }
        let reply = try answer.decoded()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try OutputFileOptions.write(try encoder.encode(reply), to: output, mode: file.mode)
        Output.note(
            "Wrote the data of \(reply.member.user) to \(output): \(reply.interests.count) interests, "
                + "\(reply.recusals.count) recusals, \(reply.concerns.count) concerns, \(reply.audit.count) audit entries."
        )
    }
}
