import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl ethics versions`: every published version of the code, oldest first.
struct EthicsVersionsCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List every published version of the ethical code, oldest first; the last one is current."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = EthicsInterface.Versions

    /// The call's parameters.
    var parameters: Method.Parameters {
        NoParameters()
    }

    /// Prints the versions as a table.
    func present(_ reply: Method.Reply) throws {
        let codes = reply.codes
        var table = Table([
            .init(title: "VERSION", alignment: .right), .init(title: "PUBLISHED"), .init(title: "SHA-256"),
            .init(title: "TITLE"),
        ])
        for code in codes {
            table.append([
                .init(String(code.version)), .init(code.publishedAt), .init(EthicsPresenter.short(code.sha256)),
                .init(code.title),
            ])
        }
        let count = "\(codes.count) \(codes.count == 1 ? "version" : "versions") listed"
        let current = codes.last.map { "; version \($0.version) is current" } ?? ""
        table.print(legend: "\(count)\(current).", options: options)
    }
}
