import ArgumentParser
import RiskProtocol

/// `riskctl interest update`: change a declaration.
struct InterestUpdateCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change the organisation, description, value, sensitivity or end of a declaration.",
        discussion: """
            An empty --value or --until clears it. A new --organisation is linked to the registry when it matches; \
            when it only resembles a registry organisation, riskctl asks as interest declare does. With --if-revision, nothing is changed unless the declaration is \
            still at that revision (exit status 75 otherwise). Board members may change their own declarations; \
            the admin role any.
            """
    )

    /// The interest to change.
    @Argument(
        help: ArgumentHelp("The interest, I-7 or 7.", valueName: "I-ID"),
        transform: { try RecordKind.interest.parse($0) }
    )
    var interest: Int

    /// The revision the caller last saw.
    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp("Change nothing unless the declaration is still at this revision.", valueName: "n")
    )
    var ifRevision: Int?

    /// New organisation.
    @Option(help: ArgumentHelp("New name of the organisation, e.g. the registry's.", valueName: "name"))
    var organisation: String?

    /// New description.
    @Option(help: ArgumentHelp("New description.", valueName: "text"))
    var description: String?

    /// New value.
    @Option(help: ArgumentHelp("New worth or amount; empty to clear.", valueName: "text"))
    var value: String?

    /// Make it sensitive.
    @Flag(help: "Make the declaration sensitive.")
    var sensitive = false

    /// Make it visible to the board again.
    @Flag(name: .customLong("not-sensitive"), help: "Make the declaration visible to the other board members.")
    var notSensitive = false

    /// New end.
    @Option(
        help: ArgumentHelp("New day the interest ended or ends; empty to clear.", valueName: "YYYY-MM-DD"),
        transform: { $0.isEmpty ? "" : try CalendarDay.parse($0) }
    )
    var until: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects contradicting flags, an update that changes nothing and an impossible revision.
    func validate() throws {
        if sensitive, notSensitive {
            throw ValidationError("give --sensitive or --not-sensitive, not both")
        }
        guard organisation != nil || description != nil || value != nil || until != nil || sensitive || notSensitive
        else {
            throw ValidationError(
                "nothing to change; give --organisation, --description, --value, --until or --sensitive"
            )
        }
        if let ifRevision, ifRevision < 1 {
            throw ValidationError("--if-revision must be 1 or more, not \(ifRevision)")
        }
    }

    /// The method called.
    typealias Method = InterestInterface.Update

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            id: interest,
            ifRevision: ifRevision,
            description: description,
            value: value,
            sensitive: sensitive ? true : (notSensitive ? false : nil),
            endedOn: until,
            organisation: organisation
        )
    }

    /// Says which revision the declaration is now at, then offers the registry's name when riskd suggests one.
    func present(_ reply: Method.Reply) throws {
        let updated = reply.interest
        Output.line("\(RecordKind.interest.format(updated.id)) updated, now at revision \(updated.revision).")
        try RegistrySuggestion.offer(reply.suggestions, for: updated, options: options)
    }
}
