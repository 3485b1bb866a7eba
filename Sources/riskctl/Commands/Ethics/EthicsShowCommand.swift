import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl ethics show`: the current version of the code, or another one, in full.
struct EthicsShowCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the ethical code in full: title, version, who published it and when, its hash and its text.",
        discussion: """
            Without --version, the current version is shown; if none has been published yet, riskctl says so and \
            exits with status 66.
            """
    )

    /// The version to show instead of the current one.
    @Option(help: ArgumentHelp("Show this version instead of the current one.", valueName: "n"))
    var version: Int?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a version below 1.
    func validate() throws {
        if let version, version < 1 {
            throw ValidationError("--version must be 1 or more, not \(version)")
        }
    }

    /// Fetches the version and prints it.
    func run() throws {
        let connection = try options.connect()
        if let version {
            let answer = try connection.call(EthicsInterface.Get.self, .init(version: version))
            return try options.show(answer) { reply in EthicsPresenter.printCode(reply.code) }
        }
        let answer = try connection.call(EthicsInterface.Current.self, NoParameters())
        if options.json {
            try Output.json(answer.parameters)
        }
        guard let code = try answer.decoded().code else {
            throw EthicsCommandError.nothingPublished(quiet: options.json)
        }
        if !options.json {
            EthicsPresenter.printCode(code, current: true)
        }
    }
}
