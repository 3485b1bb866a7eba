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

/// `riskctl ethics publish`: a new version of the code, from a text file.
struct EthicsPublishCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a text file as the new current version of the ethical code.",
        discussion: """
            The version number is the previous one plus 1. The file must be UTF-8 text; Windows line ends (CRLF) \
            are sent as line feeds (LF), so the hash riskd prints is that of the text with LF line ends. Every member \
            then has to acknowledge the new version. - reads the text from standard input. \
            \(EthicsInterface.Publish.policy.needsSentence)
            """
    )

    /// The file holding the text.
    @Argument(help: ArgumentHelp("The text of the code, a UTF-8 file (- for standard input).", valueName: "file"))
    var file: String

    /// The title of the code.
    @Option(help: ArgumentHelp("The title of the code.", valueName: "text"))
    var title: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads the file, asks on a terminal, publishes, and prints the new version's number and hash.
    func run() throws {
        let body = try Self.text(of: file)
        let connection = try options.connect()
        try options.confirm(
            "Publish \(file == "-" ? "this text" : file) as the new version of the ethical code? "
                + "Every member will have to acknowledge it."
        )
        let answer = try connection.call(EthicsInterface.Publish.self, .init(title: title, body: body))
        try options.show(answer) { reply in
            let code = reply.code
            Output.line(
                "Published version \(code.version) of the ethical code, \"\(code.title.singleLine)\" "
                    + "(SHA-256 \(code.sha256))."
            )
        }
    }

    /// The text of `path` (standard input for `-`), with CRLF line ends turned into LF.
    static func text(of path: String) throws(RiskctlError) -> String {
        let text: String
        if path == "-" {
            // Read from the descriptor itself: reopening /dev/stdin fails on a pipe another user created.
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .missingInput("cannot read standard input: \(String(cString: strerror(errno)))")
                }
                bytes += buffer[..<count]
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw .invalidInput("standard input: not UTF-8 text")
            }
            text = decoded
        } else {
            do {
                text = try InputFile.text(at: path)
            } catch {
                guard case .invalidInput = error.kind else { throw error }
                throw .invalidInput("\(path): not UTF-8 text; save it as UTF-8")
            }
        }
        var scalars = String.UnicodeScalarView()
        var pendingReturn = false
        for scalar in text.unicodeScalars {
            if pendingReturn, scalar != "\n" {
                scalars.append("\r")
            }
            pendingReturn = scalar == "\r"
            if !pendingReturn {
                scalars.append(scalar)
            }
        }
        if pendingReturn {
            scalars.append("\r")
        }
        return String(scalars)
    }
}
