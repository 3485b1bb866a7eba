import ArgumentParser
import RiskProtocol

/// `riskctl risk appetite list`: the appetites the board set, by category.
struct RiskAppetiteListCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the appetites set, one line per category that has one.",
        discussion: "Categories without an appetite are not listed."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Appetites

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init()
    }

    /// Prints the appetites as a table.
    func present(_ reply: Method.Reply) throws {
        let appetites = reply.appetites
        var table = Table([
            .init(title: "CATEGORY"), .init(title: "MAX SCORE", alignment: .right), .init(title: "SET BY"),
            .init(title: "SET AT"),
        ])
        for appetite in appetites {
            table.append([
                .init(appetite.category), .init(String(appetite.maxScore)), .init(appetite.setBy),
                .init(appetite.setAt),
            ])
        }
        let count = appetites.count
        let legend =
            count == 0 ? "No appetite is set." : "\(count) \(count == 1 ? "appetite" : "appetites") set."
        table.print(legend: legend, options: options)
    }
}
