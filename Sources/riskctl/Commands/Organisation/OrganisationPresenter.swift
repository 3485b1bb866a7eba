import ArgumentParser
import RiskProtocol

/// How organisations are printed for people, and how their options are read.
enum OrganisationPresenter {
    /// The organisations as a table, one line each.
    static func table(_ organisations: [OrganisationInterface.Organisation]) -> Table {
        var table = Table([
            .init(title: "ID"), .init(title: "KIND"), .init(title: "INTEREST"), .init(title: "POWER"),
            .init(title: "NAME", grows: true), .init(title: "ALIASES"),
        ])
        for organisation in organisations {
            table.append([
                .init(RecordKind.organisation.format(organisation.id)),
                .init(organisation.kind.rawValue),
                .init(organisation.interest?.rawValue ?? "-"),
                .init(organisation.power?.rawValue ?? "-"),
                .init(organisation.name),
                .init(organisation.aliases.joined(separator: "; ")),
            ])
        }
        return table
    }

    /// The legend under a list: `31 organisations listed.`
    static func legend(count: Int, verb: String = "listed") -> String {
        "\(count) \(count == 1 ? "organisation" : "organisations") \(verb)."
    }

    /// Prints one organisation as `key: value` lines.
    static func printFields(of organisation: OrganisationInterface.Organisation) {
        Output.fields([
            ("Organisation", RecordKind.organisation.format(organisation.id)),
            ("Name", organisation.name),
            ("Aliases", organisation.aliases.isEmpty ? "none" : organisation.aliases.joined(separator: "; ")),
            ("Kind", organisation.kind.rawValue),
            ("Interest", organisation.interest?.rawValue ?? "not assessed"),
            ("Power", organisation.power?.rawValue ?? "not assessed"),
            ("Revision", String(organisation.revision)),
            ("Note", organisation.note),
        ])
    }

    /// Checks a `--kind` value against the protocol's kinds.
    static func parseKind(_ text: String) throws -> String {
        guard let kind = OrganisationInterface.Kind(rawValue: text.lowercased()) else {
            let kinds = OrganisationInterface.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("must be one of \(kinds)")
        }
        return kind.rawValue
    }

    /// Checks a `--interest` or `--power` value.
    static func parseLevel(_ text: String) throws -> String {
        guard let level = OrganisationInterface.Level(rawValue: text.lowercased()) else {
            throw ValidationError("must be low, medium or high")
        }
        return level.rawValue
    }

    /// Checks a `--interest` or `--power` value of `org update`, where an empty one clears the field.
    static func parseClearableLevel(_ text: String) throws -> String {
        text.isEmpty ? "" : try parseLevel(text)
    }
}
