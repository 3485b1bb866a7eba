import ArgumentParser
import RiskProtocol

/// `riskctl org update`: change some fields of an organisation.
struct OrganisationUpdateCommand: ParsableCommand {
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

    /// New interest.
    @Option(
        help: ArgumentHelp("New interest: low, medium or high; empty to clear.", valueName: "level"),
        completion: ValueCompletions.level,
        transform: { $0.isEmpty ? "" : try OrganisationPresenter.parseLevel($0) }
    )
    var interest: String?

    /// New power.
    @Option(
        help: ArgumentHelp("New power: low, medium or high; empty to clear.", valueName: "level"),
        completion: ValueCompletions.level,
        transform: { $0.isEmpty ? "" : try OrganisationPresenter.parseLevel($0) }
    )
    var power: String?

    /// New note.
    @Option(help: ArgumentHelp("New note; empty to clear.", valueName: "text"))
    var note: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Rejects an update that changes nothing, contradicting alias options, and an impossible revision.
    func validate() throws {
        if noAliases, !aliases.isEmpty {
            throw ValidationError("give --alias or --no-aliases, not both")
        }
        let changes: [Any?] = [name, kind, interest, power, note, aliases.isEmpty && !noAliases ? nil : aliases]
        guard changes.contains(where: { $0 != nil }) else {
            throw ValidationError("nothing to change; give at least one field option, such as --alias")
        }
        if let ifRevision, ifRevision < 1 {
            throw ValidationError("--if-revision must be 1 or more, not \(ifRevision)")
        }
    }

    /// Sends the change and says which revision the organisation is now at.
    func run() throws {
        let parameters = OrganisationInterface.Update.Parameters(
            id: organisation,
            ifRevision: ifRevision,
            name: name,
            aliases: noAliases ? [] : (aliases.isEmpty ? nil : aliases),
            kind: kind,
            interest: interest,
            power: power,
            note: note
        )
        let answer = try options.connect().call(OrganisationInterface.Update.self, parameters)
        if options.json {
            return try Output.json(answer.parameters)
        }
        let updated = try answer.decoded().organisation
        Output.line("\(RecordKind.organisation.format(updated.id)) updated, now at revision \(updated.revision).")
    }
}
