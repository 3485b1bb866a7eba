import ArgumentParser
import Crypto
import Foundation
import RiskProtocol
import Varlink

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl ethics ack`: acknowledge the current version of the code, after reading it.
struct EthicsAckCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Show the current ethical code and acknowledge that you read it.",
        discussion: """
            riskctl prints the code with the SHA-256 hash of its text, asks "Acknowledge version N? [y/N]", and \
            sends the version and that hash, so the acknowledgement names the very text you read. It asks only \
            when standard input is a terminal; without one, pass --yes. If a new version was published meanwhile, \
            or the text you read is not that version's, nothing is recorded and riskctl exits with status 75. \
            Acknowledging a version again changes nothing.
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Refuses to run without a terminal to ask on, unless `--yes` says not to ask.
    func validate() throws {
        if !options.yes, isatty(STDIN_FILENO) != 1 {
            throw ValidationError("no terminal to ask on: pass --yes to acknowledge the code without being asked")
        }
    }

    /// Fetches the current version, shows it, asks, then acknowledges it with the hash of the text shown.
    func run() throws {
        let connection = try options.connect()
        guard let code = try connection.call(EthicsInterface.Current.self, NoParameters()).decoded().code else {
            throw EthicsCommandError.nothingPublished(quiet: false)
        }
        // The hash of the text as received and printed here, not the one riskd sent along: if they differed,
        // riskd answers HashMismatch and nothing is recorded.
        let sha256 = SHA256.hash(data: Array(code.body.utf8)).map { String(format: "%02x", $0) }.joined()
        if !options.json {
            EthicsPresenter.printCode(code, sha256: sha256, current: true)
            Output.line()
        }
        if !options.yes {
            let hash = options.json ? " (SHA-256 \(sha256))" : ""
            try ask("Acknowledge version \(code.version)\(hash)?")
        }
        let answer = try connection.call(
            EthicsInterface.Acknowledge.self,
            .init(version: code.version, sha256: sha256)
        )
        if options.json {
            return try Output.json(answer.parameters)
        }
        let acknowledgement = try answer.decoded().acknowledgement
        Output.line(
            "Acknowledged version \(acknowledgement.version) of the ethical code "
                + "(SHA-256 \(EthicsPresenter.short(acknowledgement.sha256))) at \(acknowledgement.acknowledgedAt)."
        )
    }

    /// Asks on standard error and reads the answer from standard input; anything but yes cancels.
    private func ask(_ question: String) throws(RiskctlError) {
        Output.prompt("\(question) [y/N] ")
        let answer = (readLine() ?? "").trimmingWhitespace().lowercased()
        guard answer == "y" || answer == "yes" else { throw .cancelled }
    }
}
