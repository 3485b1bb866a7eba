import ArgumentParser
import RiskProtocol

/// `riskctl org`: the registry of organisations that conflict checks match names against.
struct OrganisationCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Keep the registry of organisations: members, funders, partners.",
        discussion: """
            Conflict checks compare names after folding case, accents and punctuation (Udruženje = udruzenje), and \
            through the aliases of this registry (OSF = Open Society Foundations). A name or alias may belong to one \
            organisation only. Reading needs \(OrganisationInterface.Get.policy.neededRoles); changing needs \
            \(OrganisationInterface.Update.policy.neededRoles).
            """,
        subcommands: [
            OrganisationAddCommand.self,
            OrganisationListCommand.self,
            OrganisationShowCommand.self,
            OrganisationUpdateCommand.self,
            OrganisationImportCommand.self,
            OrganisationMapCommand.self,
        ]
    )
}
