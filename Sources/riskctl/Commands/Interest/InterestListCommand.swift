import ArgumentParser
import RiskProtocol

/// `riskctl interest list`: the declarations you may see, one line each.
struct InterestListCommand: ParsableCommand {
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

    /// Lists every page and prints one table.
    func run() throws {
        let active: Bool? = all ? nil : !ended
        let pages = try options.connect().collectPages(InterestInterface.List.self, itemsKey: "interests") {
            after,
            size in
            InterestInterface.List.Parameters(
                declarant: member,
                active: active,
                organisation: organisation,
                limit: size,
                after: after,
                asOf: time.asOf
            )
        }
        if options.json {
            return try Output.json(pages.merged)
        }
        let interests = try pages.decoded().flatMap(\.interests)
        InterestPresenter.table(interests).print(
            legend: InterestPresenter.legend(count: interests.count),
            options: options
        )
    }
}
