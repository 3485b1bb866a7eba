import ArgumentParser
import RiskProtocol

/// `riskctl interest list`: the declarations you may see, one line each.
struct InterestListCommand: ListCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the declarations you may see, one line each.",
        discussion: """
            Without --ended or --all, only interests active today are listed. Board members see their own \
            declarations and, unless interests.board_sees_register is off, the other members' declarations that are \
            not sensitive. --as-of lists each declaration as it stood then (its text, sensitivity and end), active \
            meaning active on that day.
            """
    )

    /// Only this declarant.
    @Option(help: ArgumentHelp("Only declarations of this user.", valueName: "user"))
    var member: String?

    /// Only this organisation.
    @Option(
        help: ArgumentHelp(
            "Only declarations naming this organisation (case, accents and registry aliases "
                + "folded).",
            valueName: "name"
        )
    )
    var organisation: String?

    /// Only ended ones.
    @Flag(help: "List only interests that have ended.")
    var ended = false

    /// Ended ones too.
    @Flag(help: "List ended interests too.")
    var all = false

    /// The register of a past time.
    @OptionGroup var time: AsOfOption

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects --ended with --all.
    func validate() throws {
        if ended, all {
            throw ValidationError("give --ended or --all, not both")
        }
    }

    /// The method called.
    typealias Method = InterestInterface.List

    /// The reply field holding a page's declarations.
    static let itemsKey = "interests"

    /// The same field decoded.
    static var items: KeyPath<Method.Reply, [InterestInterface.Interest]> { \.interests }

    /// The parameters for one page.
    func page(after: Int?, size: Int) -> Method.Parameters {
        Method.Parameters(
            declarant: member,
            active: all ? nil : !ended,
            organisation: organisation,
            limit: size,
            after: after,
            asOf: time.asOf
        )
    }

    /// Prints the declarations of every page as one table.
    func present(_ interests: [InterestInterface.Interest]) {
        InterestPresenter.table(interests).print(
            legend: InterestPresenter.legend(count: interests.count),
            options: options
        )
    }
}
