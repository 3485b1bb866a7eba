import ArgumentParser
import RiskProtocol

/// `riskctl interest declare`: declare one of your interests.
struct InterestDeclareCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "declare",
        abstract: "Declare one of your interests and print it.",
        discussion: """
            The declaration is yours: riskd takes the declarant from your user. It is linked to the registry when \
            the organisation's name or an alias matches; when it does not but resembles a registry organisation, \
            riskctl asks on a terminal "did you mean Western Balkan Fund (O-27)?" and on yes changes the \
            declaration to the registry's name (without a terminal it notes the suggestion on standard error). A \
            declaration made more than interests.late_after_days \
            (28) after the interest began is marked late. With --sensitive, only you, the secretariat and the \
            auditor see it. \(InterestInterface.Declare.policy.needsSentence)
            """
    )

    /// What ties you to the organisation.
    @Option(
        help: ArgumentHelp(
            "financial, employment, governance, funding, family, gift or other.",
            valueName: "kind"
        ),
        completion: ValueCompletions.interestKind,
        transform: InterestPresenter.parseKind
    )
    var kind: String

    /// The organisation.
    @Option(help: ArgumentHelp("The organisation's name.", valueName: "name"))
    var organisation: String

    /// What the interest is.
    @Option(help: ArgumentHelp("What the interest is, e.g. \"Member of the managing board\".", valueName: "text"))
    var description: String

    /// Its worth.
    @Option(help: ArgumentHelp("Its worth or amount, as free text.", valueName: "text"))
    var value: String?

    /// Hide it from other board members.
    @Flag(help: "Only you, the secretariat and the auditor see this declaration.")
    var sensitive = false

    /// When it began.
    @Option(help: ArgumentHelp("Day the interest began.", valueName: "YYYY-MM-DD"), transform: CalendarDay.parse)
    var since: String

    /// When it ended or ends.
    @Option(
        help: ArgumentHelp("Day the interest ended or ends, if known.", valueName: "YYYY-MM-DD"),
        transform: CalendarDay.parse
    )
    var until: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = InterestInterface.Declare

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            kind: kind,
            organisation: organisation,
            description: description,
            value: value,
            sensitive: sensitive ? true : nil,
            startedOn: since,
            endedOn: until
        )
    }

    /// Prints the interest as stored, then offers the registry's name when riskd suggests one.
    func present(_ reply: Method.Reply) throws {
        InterestPresenter.printFields(of: reply.interest)
        try RegistrySuggestion.offer(reply.suggestions, for: reply.interest, options: options)
    }
}
