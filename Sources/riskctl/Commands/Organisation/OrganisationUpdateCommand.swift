import ArgumentParser
import RiskProtocol

/// `riskctl org update`: change some fields of an organisation.
struct OrganisationUpdateCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change the fields given, with the same options as org add.",
        discussion: """
            --alias replaces every alias with the ones given; --no-aliases removes them all. An empty --interest, \
            --power or --note clears it. With --if-revision, nothing is changed unless the organisation is still at \
            that revision (exit status 75 otherwise). \(OrganisationInterface.Update.policy.needsSentence)
            """
    )

    /// The organisation to change.
    @Argument(
        help: ArgumentHelp("The organisation, O-3 or 3.", valueName: "O-ID"),
        transform: { try RecordKind.organisation.parse($0) }
    )
    var organisation: Int

    /// The revision the caller last saw.
    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp("Change nothing unless the organisation is still at this revision.", valueName: "n")
    )
    var ifRevision: Int?

    /// New name.
    @Option(help: ArgumentHelp("New name.", valueName: "name"))
    var name: String?

    /// New aliases.
    @Option(
        name: .customLong("alias"),
        help: ArgumentHelp(
            "An alias; the ones given replace all the old ones. May be repeated.",
            valueName: "name"
        )
    )
    var aliases: [String] = []

    /// Remove every alias.
    @Flag(name: .customLong("no-aliases"), help: "Remove every alias.")
    var noAliases = false

    /// New kind.
    @Option(
        help: ArgumentHelp("New kind.", valueName: "kind"),
        completion: ValueCompletions.organisationKind,
        transform: OrganisationPresenter.parseKind
    )
    var kind: String?

    /// The fields that may be changed besides the name, aliases and kind.
    @OptionGroup var details: OrganisationDetailOptions<RecordChange>

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects an update that changes nothing, contradicting alias options, and an impossible revision.
    func validate() throws {
        if noAliases, !aliases.isEmpty {
            throw ValidationError("give --alias or --no-aliases, not both")
        }
        let changes: [Any?] = [name, kind, aliases.isEmpty && !noAliases ? nil : aliases]
        guard changes.contains(where: { $0 != nil }) || !details.isEmpty else {
            throw ValidationError("nothing to change; give at least one field option, such as --alias")
        }
        if let ifRevision, ifRevision < 1 {
            throw ValidationError("--if-revision must be 1 or more, not \(ifRevision)")
        }
    }

    /// The method called.
    typealias Method = OrganisationInterface.Update

    /// The call's parameters.
    var parameters: Method.Parameters {
        Method.Parameters(
            id: organisation,
            ifRevision: ifRevision,
            name: name,
            aliases: noAliases ? [] : (aliases.isEmpty ? nil : aliases),
            kind: kind,
            interest: details.interest,
            power: details.power,
            note: details.note
        )
    }

    /// Says which revision the organisation is now at.
    func present(_ reply: Method.Reply) throws {
        let updated = reply.organisation
        Output.line("\(RecordKind.organisation.format(updated.id)) updated, now at revision \(updated.revision).")
    }
}
