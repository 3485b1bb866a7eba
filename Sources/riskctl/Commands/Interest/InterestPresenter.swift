import ArgumentParser
import RiskProtocol

/// How declared interests are printed for people, and how their options are read.
enum InterestPresenter {
    /// The interests as a table, one line each.
    static func table(_ interests: [InterestInterface.Interest]) -> Table {
        var table = Table([
            .init(title: "ID"), .init(title: "MEMBER"), .init(title: "KIND"), .init(title: "STATUS"),
            .init(title: "SINCE"), .init(title: "UNTIL"), .init(title: "FLAGS"), .init(title: "ORGANISATION"),
        ])
        for interest in interests {
            table.append([
                .init(RecordKind.interest.format(interest.id)),
                .init(interest.declarant),
                .init(interest.kind.rawValue),
                .init(interest.status.rawValue),
                .init(interest.startedOn),
                .init(interest.endedOn ?? "-"),
                .init(flags(of: interest)),
                .init(interest.organisation),
            ])
        }
        return table
    }

    /// The legend under a list: `2 interests listed.`
    static func legend(count: Int) -> String {
        "\(count) \(count == 1 ? "interest" : "interests") listed."
    }

    /// Prints one interest as `key: value` lines.
    static func printFields(of interest: InterestInterface.Interest) {
        let organisation =
            interest.organisationId.map {
                "\(interest.organisation) (\(RecordKind.organisation.format($0)))"
            } ?? interest.organisation
        let sensitive =
            interest.sensitive
            ? "yes: seen only by its declarant, the secretariat and the auditor" : "no"
        let declared =
            CalendarDay.datePart(of: interest.declaredAt)
            + (interest.late ? " (late: long after the interest began)" : "")
        let managed = interest.managedBy.map { by in
            "by \(by)" + (interest.managedAt.map { " on \(CalendarDay.datePart(of: $0))" } ?? "")
        }
        Output.fields([
            ("Interest", RecordKind.interest.format(interest.id)),
            ("Member", interest.declarant),
            ("Kind", interest.kind.rawValue),
            ("Organisation", organisation),
            ("Description", interest.erased ? "(erased)" : interest.description),
            ("Value", interest.erased ? nil : interest.value),
            ("Sensitive", sensitive),
            ("Since", interest.startedOn),
            ("Until", interest.endedOn),
            ("Status", interest.status.rawValue),
            ("Declared", declared),
            ("Management plan", interest.erased ? nil : interest.managementPlan),
            ("Managed", managed),
            ("Revision", String(interest.revision)),
        ])
    }

    /// `sensitive`, `late`, both or `-`.
    static func flags(of interest: InterestInterface.Interest) -> String {
        let flags = (interest.sensitive ? ["sensitive"] : []) + (interest.late ? ["late"] : [])
        return flags.isEmpty ? "-" : flags.joined(separator: ",")
    }

    /// Checks a `--kind` value against the protocol's kinds of interest.
    static func parseKind(_ text: String) throws -> String {
        guard let kind = InterestInterface.Kind(rawValue: text.lowercased()) else {
            let kinds = InterestInterface.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("must be one of \(kinds)")
        }
        return kind.rawValue
    }
}
