import RiskProtocol

/// How review findings, runs and the events of `review watch` are printed for people.
enum ReviewPresenter {
    /// A finding's id as printed: `F-40`, or `-` for a finding a preview found that is not stored yet (id 0).
    static func findingID(_ id: Int) -> String {
        id > 0 ? RecordKind.finding.format(id) : "-"
    }

    /// The findings as a table, one line each, with the severity coloured and the message last.
    ///
    /// - Parameter showsResolution: add a RESOLVED column (the date, empty while open), for lists that can hold
    ///   resolved findings.
    static func findingsTable(_ findings: [ReviewInterface.Finding], showsResolution: Bool = false) -> Table {
        var columns: [Table.Column] = [
            .init(title: "ID"), .init(title: "SEVERITY"), .init(title: "RULE"), .init(title: "SUBJECT"),
            .init(title: "SINCE"),
        ]
        if showsResolution {
            columns.append(.init(title: "RESOLVED"))
        }
        columns += [.init(title: "ACK"), .init(title: "MESSAGE")]
        var table = Table(columns)
        for finding in findings {
            var row: [Table.Field] = [
                .init(findingID(finding.id)),
                .init(finding.severity.rawValue, style: Style.of(finding.severity)),
                .init(finding.rule),
                .init(finding.subject),
                .init(CalendarDay.datePart(of: finding.firstSeenAt)),
            ]
            if showsResolution {
                row.append(.init(finding.resolvedAt.map(CalendarDay.datePart(of:)) ?? ""))
            }
            row += [.init(finding.acknowledgedBy ?? ""), .init(finding.message)]
            table.append(row)
        }
        return table
    }

    /// The legend under a list of findings: `3 open findings.`, `2 resolved findings.` or, for a list of both,
    /// `5 findings: 3 open, 2 resolved.`
    static func legend(for findings: [ReviewInterface.Finding], listing: FindingStates) -> String {
        let resolved = findings.count(where: { $0.resolvedAt != nil })
        switch listing {
        case .open: return "\(counted(findings.count, "open finding"))."
        case .resolved: return "\(counted(findings.count, "resolved finding"))."
        case .all:
            return "\(counted(findings.count, "finding")): \(findings.count - resolved) open, \(resolved) resolved."
        }
    }

    /// The legend under the open findings `review run` shows: `2 open findings.` when it shows all of them, else
    /// how many of how many, and where the rest are.
    static func legend(shown: Int, open: Int) -> String {
        guard shown < open else { return "\(counted(shown, "open finding"))." }
        return "The first \(shown) of \(counted(open, "open finding")); riskctl review findings lists them all."
    }

    /// Which findings a list holds, for its legend.
    enum FindingStates {
        /// Only open findings.
        case open
        /// Only resolved findings.
        case resolved
        /// Open and resolved findings.
        case all
    }

    /// The line that sums up a run, as the journal's summary words it: `Review run 211: 2 raised, 5 open, 1 resolved`.
    static func summary(of run: ReviewInterface.ReviewRun) -> String {
        "Review run \(run.id): \(run.raised) raised, \(run.open) open, \(run.resolved) resolved"
    }

    /// The runs as a table, newest first as riskd sends them.
    static func runsTable(_ runs: [ReviewInterface.ReviewRun]) -> Table {
        var table = Table([
            .init(title: "RUN", alignment: .right), .init(title: "TRIGGER"), .init(title: "STARTED"),
            .init(title: "FINISHED"), .init(title: "RAISED", alignment: .right),
            .init(title: "OPEN", alignment: .right), .init(title: "RESOLVED", alignment: .right),
            .init(title: "ALERTED", alignment: .right),
        ])
        for run in runs {
            table.append([
                .init(String(run.id)), .init(run.trigger.rawValue), .init(run.startedAt), .init(run.finishedAt),
                .init(String(run.raised)), .init(String(run.open)), .init(String(run.resolved)),
                .init(String(run.alerted)),
            ])
        }
        return table
    }

    /// One event of `review watch` on one line:
    /// `2026-11-29T06:00:01Z raised F-40 warning risk-review-overdue risk:4 Risk R-4 "…" is overdue…`.
    ///
    /// The time is the finding's own time of the event: first seen for `raised`, resolved for `resolved`, last
    /// alerted for `reminded`; when riskd leaves that out, the time the finding was last seen.
    static func line(for event: ReviewInterface.Watch.Reply) -> String {
        let finding = event.finding
        let time: String? =
            switch event.event {
            case .raised: finding.firstSeenAt
            case .resolved: finding.resolvedAt
            case .reminded: finding.lastAlertedAt
            }
        // Cleaned before the severity is painted: its escape sequence is the one control character allowed.
        let before = [time ?? finding.lastSeenAt, event.event.rawValue, findingID(finding.id)].map(\.singleLine)
        let after = [finding.rule, finding.subject, finding.message].map(\.singleLine)
        let severity = Style.of(finding.severity).paint(finding.severity.rawValue)
        return (before + [severity] + after).joined(separator: " ")
    }

    /// `1 finding`, `3 findings`: a count and its noun.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
