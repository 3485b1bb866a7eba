import ArgumentParser
import RiskProtocol

/// `riskctl conflicts check`: who has declared an interest in the organisations a decision concerns.
struct ConflictsCheckCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List the active declarations that match the organisations a decision concerns.",
        discussion: """
            The check is stored with who ran it and when, and its id is printed for the minutes. A board member's \
            check leaves out matches on other members' sensitive declarations (the secretariat's names them); with \
            interests.board_sees_register off, another member's match shows as 'withheld': who, not why. At most \
            interests.max_organisations_per_check organisations (default 20). \
            \(InterestInterface.Check.policy.needsSentence)
            """
    )

    /// The organisations the decision concerns.
    @Argument(help: ArgumentHelp("The organisations the decision concerns.", valueName: "organisation"))
    var organisations: [String]

    /// The matter to be decided.
    @Option(help: ArgumentHelp("The matter to be decided, such as an agenda item.", valueName: "text"))
    var matter: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects a check of no organisation.
    func validate() throws {
        guard !organisations.isEmpty else {
            throw ValidationError("name at least one organisation")
        }
    }

    /// The method called.
    typealias Method = InterestInterface.Check

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(organisations: organisations, matter: matter)
    }

    /// Prints the conflicts and the check's id.
    func present(_ reply: Method.Reply) throws {
        let check = reply.check
        let recorded = "Recorded as check \(RecordKind.check.format(check.id)) for the minutes."
        guard !check.conflicts.isEmpty else {
            if options.showsLegend { Output.line("No conflicts. \(recorded)") }
            return
        }
        var table = Table([
            .init(title: "MEMBER"), .init(title: "INTEREST"), .init(title: "MATCH"),
            .init(title: "ORGANISATION"),
        ])
        for conflict in check.conflicts {
            table.append([
                .init(conflict.declarant), .init(ConflictsPresenter.interest(of: conflict)),
                // A match through a typo says why, in the organisation's place: the declared name is in it.
                .init(conflict.match.rawValue), .init(conflict.reason ?? conflict.organisation),
            ])
        }
        let count = check.conflicts.count
        table.print(legend: "\(count) \(count == 1 ? "conflict" : "conflicts"). \(recorded)", options: options)
    }
}
