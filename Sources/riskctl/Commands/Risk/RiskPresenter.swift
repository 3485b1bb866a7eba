import RiskProtocol

/// How risks, actions and reviews are printed for people: tables for lists, `key: value` blocks for one record.
enum RiskPresenter {
    /// The mark after a score above its category's appetite, in tables and their legends.
    static let aboveAppetiteMark = "!"

    /// The risks as a table, one line each, with the severity coloured.
    ///
    /// A score above its category's appetite is followed by `!`, text and not colour, so that it shows with
    /// `NO_COLOR` and in a pipe; when one is, the other scores get a space, so the digits stay aligned.
    static func table(_ risks: [RiskInterface.Risk], today: String = CalendarDay.today()) -> Table {
        var table = Table([
            .init(title: "ID"), .init(title: "SEVERITY"), .init(title: "SCORE", alignment: .right),
            .init(title: "STATUS"), .init(title: "NEXT REVIEW"), .init(title: "OWNER"), .init(title: "CATEGORY"),
            .init(title: "TITLE"),
        ])
        let marks = risks.contains(where: \.aboveAppetite)
        for risk in risks {
            let mark = marks ? (risk.aboveAppetite ? aboveAppetiteMark : " ") : ""
            table.append([
                .init(RecordKind.risk.format(risk.id)),
                .init(risk.severity.rawValue, style: Style.of(risk.severity)),
                .init(String(risk.score) + mark),
                .init(risk.status.rawValue),
                .init(nextReview(of: risk, today: today)),
                .init(risk.owner),
                .init(risk.category),
                .init(risk.title),
            ])
        }
        return table
    }

    /// The legend under a list of risks: `12 risks listed.`
    static func legend(count: Int, verb: String = "listed") -> String {
        "\(count) \(count == 1 ? "risk" : "risks") \(verb)."
    }

    /// The legend under `risk list`: `12 risks listed as of 2026-01-31; 2 above their category's appetite (!).`
    static func legend(count: Int, asOf: String?, aboveAppetite: Int) -> String {
        var text = "\(count) \(count == 1 ? "risk" : "risks") listed"
        if let asOf {
            text += " as of \(asOf)"
        }
        if aboveAppetite > 0 {
            let whose = aboveAppetite == 1 ? "its category's appetite" : "their category's appetite"
            text += "; \(aboveAppetite) above \(whose) (\(aboveAppetiteMark))"
        }
        return text + "."
    }

    /// Prints one risk as `key: value` lines.
    static func printFields(of risk: RiskInterface.Risk, today: String = CalendarDay.today()) {
        let residual: String? =
            if let likelihood = risk.residualLikelihood, let impact = risk.residualImpact {
                rating(likelihood: likelihood, impact: impact)
            } else {
                nil
            }
        Output.fields(
            [
                ("Risk", RecordKind.risk.format(risk.id)),
                ("Title", risk.title),
                ("Category", risk.category),
                ("Area", risk.area),
                ("Owner", risk.owner),
                ("Status", status(of: risk)),
                ("Severity", "\(risk.severity.rawValue) (score \(risk.score))"),
                ("Appetite", risk.aboveAppetite ? "above the board's appetite for \(risk.category)" : nil),
                ("Inherent", rating(likelihood: risk.likelihood, impact: risk.impact)),
                ("Residual", residual ?? "not assessed"),
                ("Last accepted", lastAccepted(risk)),
                ("Decision", risk.decision),
                ("Lapsed", risk.lapsedOn.map { "\($0): the acceptance ended; review or accept the risk again" }),
                ("Next review", nextReview(of: risk, today: today)),
                ("Last reviewed", risk.lastReviewedAt ?? "never"),
                ("Revision", String(risk.revision)),
                ("Created", risk.createdAt),
                ("Updated", risk.updatedAt),
                ("Description", risk.description.isEmpty ? nil : risk.description),
            ],
            styles: ["Severity": Style.of(risk.severity)]
        )
    }

    /// The actions of a risk as a table.
    static func actionTable(_ actions: [RiskInterface.Action]) -> Table {
        var table = Table([
            .init(title: "ACTION"), .init(title: "STATUS"), .init(title: "DUE"), .init(title: "OWNER"),
            .init(title: "DESCRIPTION"),
        ])
        for action in actions {
            let status = action.completedAt.map { "\(action.status.rawValue) \(CalendarDay.datePart(of: $0))" }
            table.append([
                .init(RecordKind.action.format(action.id)),
                .init(status ?? action.status.rawValue),
                .init(action.dueOn),
                .init(action.owner),
                .init(action.description),
            ])
        }
        return table
    }

    /// The reviews of a risk as a table, oldest first.
    static func reviewTable(_ reviews: [RiskInterface.RiskReview]) -> Table {
        var table = Table([
            .init(title: "REVIEWED"), .init(title: "REVIEWER"), .init(title: "INHERENT"), .init(title: "RESIDUAL"),
            .init(title: "NOTE"),
        ])
        for review in reviews {
            let residual: String =
                if let likelihood = review.residualLikelihood, let impact = review.residualImpact {
                    "\(likelihood)×\(impact)"
                } else {
                    "-"
                }
            table.append([
                .init(CalendarDay.datePart(of: review.reviewedAt)),
                .init(review.reviewer),
                .init("\(review.likelihood)×\(review.impact)"),
                .init(residual),
                .init(review.note),
            ])
        }
        return table
    }

    /// One line saying what a change did, e.g. `R-4 reviewed; next review due 2027-02-27.`
    static func summary(_ risk: RiskInterface.Risk, _ what: String) -> String {
        "\(RecordKind.risk.format(risk.id)) \(what)."
    }

    /// The status, with the day an accepted risk is tolerated until or the reason a closed one was closed.
    static func status(of risk: RiskInterface.Risk) -> String {
        var status = risk.status.rawValue
        if let until = risk.acceptedUntil, risk.status == .accepted {
            status += " until \(until)"
        }
        if let reason = risk.closeReason, risk.status == .closed {
            status += " (\(reason))"
        }
        return status
    }

    /// Who last accepted the risk and at what score, e.g. `by ana, at score 12`; `nil` when it never was.
    private static func lastAccepted(_ risk: RiskInterface.Risk) -> String? {
        let parts = [risk.acceptedBy.map { "by \($0)" }, risk.acceptedScore.map { "at score \($0)" }]
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: ", ")
    }

    /// The next review date, marked `(overdue)` when it has passed and the risk is not closed.
    private static func nextReview(of risk: RiskInterface.Risk, today: String) -> String {
        risk.status != .closed && risk.nextReviewDue < today ? "\(risk.nextReviewDue) (overdue)" : risk.nextReviewDue
    }

    private static func rating(likelihood: Int, impact: Int) -> String {
        "likelihood \(likelihood), impact \(impact) (score \(likelihood * impact))"
    }
}
