import RiskProtocol

extension RiskPresenter {
    /// The versions of a risk as a table, oldest first: one line per change, with the risk as it stood after it.
    ///
    /// The note of an acceptance is followed by the decision it names, `(decision M-3 item 4)`; residual ratings
    /// not yet assessed show as `-`.
    static func historyTable(_ versions: [RiskInterface.RiskVersion]) -> Table {
        var table = Table([
            .init(title: "DATE"), .init(title: "WHO"), .init(title: "CHANGE"), .init(title: "INHERENT"),
            .init(title: "RESIDUAL"), .init(title: "SCORE", alignment: .right), .init(title: "SEVERITY"),
            .init(title: "STATUS"), .init(title: "NOTE"),
        ])
        for version in versions {
            let risk = version.risk
            let residual: String =
                if let likelihood = risk.residualLikelihood, let impact = risk.residualImpact {
                    "\(likelihood)×\(impact)"
                } else {
                    "-"
                }
            table.append([
                .init(CalendarDay.datePart(of: version.at)),
                .init(version.actor),
                .init(version.change.rawValue),
                .init("\(risk.likelihood)×\(risk.impact)"),
                .init(residual),
                .init(String(risk.score)),
                .init(risk.severity.rawValue, style: Style.of(risk.severity)),
                .init(status(of: risk)),
                .init(note(of: version)),
            ])
        }
        return table
    }

    /// The legend under the history of a risk: `4 versions of R-4.`
    static func historyLegend(count: Int, risk: Int) -> String {
        "\(count) \(count == 1 ? "version" : "versions") of \(RecordKind.risk.format(risk))."
    }

    /// The note of a change, with the decision an acceptance names.
    private static func note(of version: RiskInterface.RiskVersion) -> String {
        let note = version.note ?? ""
        guard version.change == .accepted, let decision = version.risk.decision else { return note }
        return note.isEmpty ? "decision \(decision)" : "\(note) (decision \(decision))"
    }
}
