import ArgumentParser
import Crypto
import RiskProtocol
import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
            Acknowledging a version again changes nothing. Before asking, if you acknowledged an older version, \
            riskctl also shows what changed since (as ethics diff does). On a terminal the text goes through $PAGER (default less \
            -FRX) before the question; --no-pager prints it as it is. With --sign (or --key FILE), riskctl also \
            signs the statement riskd gives for the version (who, the version, the SHA-256 of its text, the date) \
            with your own SSH key through ssh-keygen -Y sign -n riskd; register the key first with riskctl member \
            key add.
            """
    )

    /// Print without a pager.
    @Flag(name: .customLong("no-pager"), help: "Do not send the text through the pager.")
    var noPager = false

    /// `--sign`, `--key`.
    @OptionGroup var signing: SigningOptions

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
        let sha256 = SHA256.hash(data: Array(code.body.utf8)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        if !options.json {
            var lines = EthicsPresenter.codeLines(code, sha256: sha256, current: true) + [""]
            // Only when asking: the changes are there to read before answering.
            if !options.yes, let acknowledged = try? EthicsDiffCommand.acknowledgedVersion(connection),
                acknowledged < code.version,
                let old = try? connection.call(EthicsInterface.Get.self, .init(version: acknowledged)).decoded().code
            {
                lines += ["What changed since version \(acknowledged), which you acknowledged:"]
                lines += EthicsDiffCommand.lines(from: old, to: code) + [""]
            }
            Pager.show(lines, noPager: noPager)
        }
        if !options.yes {
            let hash = options.json ? " (SHA-256 \(sha256))" : ""
            try ask("Acknowledge version \(code.version)\(hash)?")
        }
        var signature: String?
        if signing.signs {
            let statement = try connection.call(EthicsInterface.Statement.self, .init(version: code.version))
                .decoded().text
            signature = try signing.signature(of: statement, connection)
        }
        let answer = try connection.call(
            EthicsInterface.Acknowledge.self,
            .init(version: code.version, sha256: sha256, signature: signature)
        )
        try options.show(answer) { reply in
            let acknowledgement = reply.acknowledgement
            Output.line(
                "Acknowledged version \(acknowledgement.version) of the ethical code "
                    + "(SHA-256 \(EthicsPresenter.short(acknowledgement.sha256))) at \(acknowledgement.acknowledgedAt)."
                    + (reply.fingerprint.map { " Signed with \($0)." } ?? "")
            )
        }
    }

    /// Asks on standard error and reads the answer from standard input; anything but yes cancels.
    private func ask(_ question: String) throws(RiskctlError) {
        Output.prompt("\(question) [y/N] ")
        let answer = (readLine() ?? "").trimmingWhitespace().lowercased()
        guard answer == "y" || answer == "yes" else { throw .cancelled }
    }
}
