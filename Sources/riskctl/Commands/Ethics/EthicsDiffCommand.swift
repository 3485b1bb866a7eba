import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl ethics diff`: what changed in the code between two versions.
struct EthicsDiffCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the ethical code between two versions, line by line.",
        discussion: """
            Without a version, the current version is compared with the one you last acknowledged; riskctl says so \
            when you acknowledged none or already acknowledged the current one. With one version, that version is \
            compared with the current one; with two, the first with the second. Lines only in the older text start \
            with -, lines only in the newer with +, as in diff -u. On a terminal, a long diff goes through $PAGER \
            (default less -FRX); --no-pager prints it as it is. --json prints both versions as riskd sent them.
            """
    )

    /// The older version.
    @Argument(
        help: ArgumentHelp(
            "The version to compare from (default: the one you last acknowledged).",
            valueName: "v1"
        )
    )
    var from: Int?

    /// The newer version.
    @Argument(help: ArgumentHelp("The version to compare with (default: the current one).", valueName: "v2"))
    var to: Int?

    /// Print without a pager.
    @Flag(name: .customLong("no-pager"), help: "Do not send a long diff through the pager.")
    var noPager = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a version below 1.
    func validate() throws {
        for version in [from, to].compactMap({ $0 }) where version < 1 {
            throw ValidationError("a version is 1 or more, not \(version)")
        }
    }

    /// Fetches both versions and prints their diff.
    func run() throws {
        let connection = try options.connect()
        let newer: Answer<EthicsInterface.Current.Reply>
        if let to {
            let answer = try connection.call(EthicsInterface.Get.self, .init(version: to))
            newer = Answer(message: answer.message, method: answer.method)
        } else {
            newer = try connection.call(EthicsInterface.Current.self, NoParameters())
        }
        guard let current = try newer.decoded().code else {
            throw EthicsCommandError.nothingPublished(quiet: false)
        }
        guard let older = try from ?? acknowledgedVersion(connection, current: current.version) else { return }
        let base = try connection.call(EthicsInterface.Get.self, .init(version: older))
        if options.json {
            return try Output.json(
                .object([
                    "from": base.parameters["code"] ?? .null,
                    "to": newer.parameters["code"] ?? .null,
                ])
            )
        }
        Pager.show(Self.lines(from: try base.decoded().code, to: current), noPager: noPager)
    }

    /// The version the caller last acknowledged, or `nil` after saying why there is nothing to compare.
    private func acknowledgedVersion(_ connection: Connection, current: Int) throws(RiskctlError) -> Int? {
        guard let version = try Self.acknowledgedVersion(connection) else {
            Output.line(
                "You have not acknowledged any version of the ethical code; riskctl ethics show prints the "
                    + "current one, version \(current)."
            )
            return nil
        }
        guard version < current else {
            Output.line("You acknowledged version \(version), the current one: nothing changed since.")
            return nil
        }
        return version
    }

    /// The version of the code the caller last acknowledged, `nil` for none or when riskd keeps no member record
    /// for the caller (an admin who is not on the board).
    static func acknowledgedVersion(_ connection: Connection) throws(RiskctlError) -> Int? {
        let me = try connection.call(DaemonInterface.Whoami.self, NoParameters()).decoded().user
        do {
            return try connection.call(MemberInterface.Get.self, .init(user: me)).decoded().member.acknowledgedVersion
        } catch {
            guard case .noSuchMember? = error.protocolError else { throw error }
            return nil
        }
    }

    /// The diff of two versions as printed: a header naming each, then the hunks.
    static func lines(from old: EthicsInterface.Code, to new: EthicsInterface.Code) -> [String] {
        let diff = LineDiff(old: EthicsPresenter.text(of: old.body), new: EthicsPresenter.text(of: new.body))
        var lines = [
            "--- version \(old.version), \(old.title.singleLine), published \(old.publishedAt)",
            "+++ version \(new.version), \(new.title.singleLine), published \(new.publishedAt)",
        ]
        let hunks = diff.unified(removed: .high, added: .low)
        lines += hunks.isEmpty ? ["(the texts are the same)"] : hunks
        return lines
    }
}
