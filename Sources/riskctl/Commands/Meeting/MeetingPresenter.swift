import RiskProtocol

/// How meetings, their agendas and recusals are printed for people: a `key: value` block for the meeting, tables
/// for its agenda and its recusals.
///
/// Enum values are shown with hyphens (`left-room`, `declared-at-meeting`), as the options take them; the protocol
/// and `--json` keep underscores.
enum MeetingPresenter {
    /// A protocol enum value as riskctl shows it: `left_room` → `left-room`.
    static func shown(_ value: String) -> String {
        String(value.map { $0 == "_" ? "-" : $0 })
    }

    /// How a recusal's interest came to its item, in words: `declared_at_meeting` reads "declared at the meeting".
    static func words(_ match: MeetingInterface.Match) -> String {
        switch match {
        case .exact: "the name matches"
        case .alias: "matches an alias"
        case .possible: "a possible match"
        case .declared_at_meeting: "declared at the meeting"
        }
    }

    /// The meeting's name as printed: `M-3`.
    static func reference(_ meeting: MeetingInterface.Meeting) -> String {
        RecordKind.meeting.format(meeting.id)
    }

    /// Prints the meeting's own fields as `key: value` lines.
    static func printFields(of meeting: MeetingInterface.Meeting) {
        Output.fields([
            ("Meeting", reference(meeting)),
            ("Title", meeting.title),
            ("Date", meeting.date),
            ("Status", meeting.status.rawValue),
            ("Created by", meeting.createdBy),
            ("Published", meeting.publishedAt),
            ("Closed", meeting.closedAt),
            ("Cancelled", meeting.cancelledAt),
            ("Reason", meeting.cancelReason),
            ("Revision", String(meeting.revision)),
        ])
    }

    /// Prints the meeting, then its agenda and its recusals as tables, for `meeting show` and `meeting publish`.
    ///
    /// `stepsOut` adds to the agenda a column naming the members who step out of each item.
    static func printRecord(
        meeting: MeetingInterface.Meeting,
        items: [MeetingInterface.Item],
        recusals: [MeetingInterface.Recusal],
        stepsOut: Bool,
        options: GlobalOptions
    ) {
        printFields(of: meeting)
        Output.line()
        if items.isEmpty {
            Output.line("The agenda has no items.")
        } else {
            let count = items.count
            let legend = "\(count) \(count == 1 ? "item" : "items") on the agenda."
            agendaTable(items, recusals: recusals, stepsOut: stepsOut).print(legend: legend, options: options)
        }
        Output.line()
        if recusals.isEmpty {
            Output.line(
                meeting.status == .draft
                    ? "No recusals yet: publish the meeting to check its decision items for conflicts."
                    : "No recusals: nobody on the board has a declared interest in a decision of this meeting."
            )
        } else {
            recusalTable(recusals, items: items).print(legend: recusalLegend(recusals), options: options)
        }
    }

    /// The agenda, one item a line; with `stepsOut`, who steps out of each decision (`-` for nobody).
    static func agendaTable(
        _ items: [MeetingInterface.Item],
        recusals: [MeetingInterface.Recusal],
        stepsOut: Bool
    ) -> Table {
        var columns: [Table.Column] = [
            .init(title: "ITEM", alignment: .right), .init(title: "DECISION"), .init(title: "TITLE"),
        ]
        if stepsOut {
            columns.append(.init(title: "STEPS OUT"))
        }
        columns.append(.init(title: "ORGANISATIONS"))
        var table = Table(columns)
        for item in items {
            var row: [Table.Field] = [
                .init(String(item.number)), .init(item.decision ? "yes" : "no"), .init(item.title),
            ]
            if stepsOut {
                row.append(.init(members(stepping: recusals, outOf: item)))
            }
            row.append(.init(item.organisations.isEmpty ? "-" : item.organisations.joined(separator: ", ")))
            table.append(row)
        }
        return table
    }

    /// The recusals, in item order, with what each member did (`-` until it is recorded).
    static func recusalTable(_ recusals: [MeetingInterface.Recusal], items: [MeetingInterface.Item]) -> Table {
        var table = Table([
            .init(title: "RECUSAL", alignment: .right), .init(title: "ITEM", alignment: .right),
            .init(title: "MEMBER"), .init(title: "KIND"), .init(title: "ORGANISATION"), .init(title: "MATCH"),
            .init(title: "IN ADVANCE"), .init(title: "ACTION"), .init(title: "QUORATE"), .init(title: "NOTE"),
        ])
        for recusal in recusals {
            table.append([
                .init(String(recusal.id)),
                .init(itemNumber(of: recusal, in: items)),
                .init(recusal.declarant),
                .init(recusal.kind),
                .init(recusal.organisation.isEmpty ? "-" : recusal.organisation),
                .init(shown(recusal.match.rawValue)),
                .init(recusal.declaredInAdvance ? "yes" : "no"),
                .init(recusal.action.map { shown($0.rawValue) } ?? "-"),
                .init(recusal.quorate.map { $0 ? "yes" : "no" } ?? "-"),
                .init(recusal.note ?? ""),
            ])
        }
        return table
    }

    /// `3 recusals; 1 without an action yet.`
    static func recusalLegend(_ recusals: [MeetingInterface.Recusal]) -> String {
        let count = recusals.count
        let open = recusals.count { $0.action == nil }
        let text = "\(count) \(count == 1 ? "recusal" : "recusals")"
        return open == 0 ? text + "." : text + "; \(open) without an action yet."
    }

    /// The number of the recusal's item on the agenda, or `?` when the agenda does not hold it.
    static func itemNumber(of recusal: MeetingInterface.Recusal, in items: [MeetingInterface.Item]) -> String {
        items.first { $0.id == recusal.itemId }.map { String($0.number) } ?? "?"
    }

    /// The members who step out of `item`, each once, in the order of their recusals; `-` for nobody.
    static func members(stepping recusals: [MeetingInterface.Recusal], outOf item: MeetingInterface.Item) -> String {
        var names: [String] = []
        for recusal in recusals where recusal.itemId == item.id && !names.contains(recusal.declarant) {
            names.append(recusal.declarant)
        }
        return names.isEmpty ? "-" : names.joined(separator: ", ")
    }

    /// Who a recusal is and of which interest, in one line: `ana, a funding interest in Western Balkan Fund (I-7)`;
    /// another member's withheld recusal reads `ana, an interest withheld from you`.
    static func interest(of recusal: MeetingInterface.Recusal) -> String {
        guard recusal.interestId != 0 else { return "\(recusal.declarant), an interest withheld from you" }
        let article = recusal.kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return "\(recusal.declarant), \(article) \(recusal.kind) interest in \(recusal.organisation) "
            + "(\(RecordKind.interest.format(recusal.interestId)))"
    }
}
