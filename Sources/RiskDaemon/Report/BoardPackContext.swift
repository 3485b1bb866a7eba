import RiskCore

/// The board pack as the template reads it: dictionaries, lists, strings, numbers and flags only, named as
/// riskd.toml(5) documents them for organisations writing their own template.
///
/// Every list `x` comes with a flag `anyX` (Mustache has no test for "not empty" that also opens no loop), every
/// band with its letter (L, M, H, C) so that a page printed in black and white still shows it. A list cut at
/// `BoardPack.listLimit` comes with `xOmitted` (`listed`, `total`, `more`).
enum BoardPackContext {
    static func context(of pack: BoardPack) -> [String: Any] {
        let scoring = pack.scoring
        let kind = pack.confidential ? "Confidential board pack" : "Board pack"
        var context: [String: Any] = [
            "title": pack.organisation.map { "\(kind) of \($0)" } ?? kind,
            "confidential": pack.confidential,
            "asOf": PeopleWords.time(pack.asOf),
            "asOfDay": PeopleWords.day(pack.asOf.utcDate),
            "asOfExact": pack.asOf.description,
            "auditHead": pack.auditHead,
            "changeSince": PeopleWords.day(
                Instant(
                    secondsSinceEpoch: pack.asOf.secondsSinceEpoch - Int64(BoardPackFacts.scoreChangeDays) * 86_400
                ).utcDate
            ),
            "findingsSummary": BoardPackSentences.findings(pack),
            "acknowledgementSummary": BoardPackSentences.acknowledgements(pack),
            "confirmationSummary": BoardPackSentences.confirmations(pack),
            "highestCount": BoardPack.highestCount,
            "impacts": Array(1...5),
            "heatMaps": [heatMap("Inherent", pack.inherent, scoring), heatMap("Current", pack.current, scoring)],
            "bands": Severity.allCases.map { band(legend: $0, scoring) },
        ]
        if let version = pack.codeVersion { context["codeVersion"] = version }
        if let signatures = BoardPackSentences.confirmationSignatures(pack) {
            context["confirmationSignatures"] = signatures
        }
        if let organisation = pack.organisation { context["organisation"] = organisation }
        omitted(&context, "aboveAppetite", listed: pack.aboveAppetite.count, total: pack.aboveAppetiteTotal)
        omitted(&context, "overdueReviews", listed: pack.overdueReviews.count, total: pack.overdueReviewsTotal)
        omitted(&context, "overdueActions", listed: pack.overdueActions.count, total: pack.overdueActionsTotal)
        list(&context, "aboveAppetite", pack.aboveAppetite) { breach in
            var row = risk(breach.risk)
            row["appetite"] = breach.appetite
            return row
        }
        list(&context, "highest", pack.highest) { ranked in
            var row = risk(ranked.risk)
            row["change"] = ranked.change.map(change) ?? "new"
            return row
        }
        list(&context, "overdueReviews", pack.overdueReviews) { overdue in
            var row = risk(overdue.risk)
            row["due"] = PeopleWords.day(overdue.due)
            return row
        }
        list(&context, "overdueActions", pack.overdueActions) { action in
            [
                "id": action.id, "riskId": action.riskId, "description": action.description, "owner": action.owner,
                "due": PeopleWords.day(action.due),
            ]
        }
        list(&context, "findings", pack.findings) { ["rule": $0.rule, "title": $0.title, "count": $0.count] }
        list(&context, "notAcknowledged", pack.notAcknowledged, member)
        list(&context, "notConfirmed", pack.notConfirmed, member)
        list(&context, "declarations", pack.declarations) { declaration in
            [
                "id": declaration.id, "declarant": declaration.declarant, "kind": declaration.kind,
                "organisation": declaration.organisation,
                "startedOn": declaration.startedOn.map(PeopleWords.day) ?? "", "managed": declaration.managed,
                "withheld": declaration.withheld, "sensitive": declaration.sensitive,
            ]
        }
        if let agenda = pack.agenda { context["agenda"] = self.agenda(agenda) }
        return context
    }

    /// The letter a band carries besides its colour.
    static func letter(_ band: Severity) -> String {
        switch band {
        case .low: "L"
        case .medium: "M"
        case .high: "H"
        case .critical: "C"
        }
    }

    /// A change of score as printed: "+3", "−2" (a minus sign), "0".
    static func change(_ delta: Int) -> String {
        delta > 0 ? "+\(delta)" : delta < 0 ? "\u{2212}\(-delta)" : "0"
    }

    private static func list<Element>(
        _ context: inout [String: Any],
        _ key: String,
        _ elements: [Element],
        _ row: (Element) -> [String: Any]
    ) {
        context[key] = elements.map(row)
        context["any" + key.prefix(1).uppercased() + key.dropFirst()] = !elements.isEmpty
    }

    /// `xOmitted` with `listed`, `total` and `more` when a list was cut at `BoardPack.listLimit`; absent otherwise.
    private static func omitted(_ context: inout [String: Any], _ key: String, listed: Int, total: Int) {
        guard total > listed else { return }
        context[key + "Omitted"] = ["listed": listed, "total": total, "more": total - listed]
    }

    private static func heatMap(_ title: String, _ map: BoardPack.HeatMap, _ scoring: ScoringPolicy) -> [String: Any] {
        let rows = (1...5).reversed().map { likelihood -> [String: Any] in
            let cells = (1...5).map { impact -> [String: Any] in
                let band = scoring.severity(ofScore: likelihood * impact)
                let count = map.counts[likelihood - 1][impact - 1]
                return ["band": band.rawValue, "letter": letter(band), "count": count, "empty": count == 0]
            }
            return ["likelihood": likelihood, "cells": cells]
        }
        return ["title": title, "total": map.total, "totalText": PeopleWords.count(map.total, "risk"), "rows": rows]
    }

    private static func band(legend band: Severity, _ scoring: ScoringPolicy) -> [String: Any] {
        let range =
            switch band {
            case .low: "1–\(scoring.mediumFrom - 1)"
            case .medium: "\(scoring.mediumFrom)–\(scoring.highFrom - 1)"
            case .high: "\(scoring.highFrom)–\(scoring.criticalFrom - 1)"
            case .critical: "\(scoring.criticalFrom)–25"
            }
        return ["band": band.rawValue, "letter": letter(band), "range": range]
    }

    private static func risk(_ line: BoardPack.RiskLine) -> [String: Any] {
        [
            "id": line.id, "title": line.title, "category": line.category, "owner": line.owner, "score": line.score,
            "band": line.band.rawValue, "letter": letter(line.band),
        ]
    }

    private static func member(_ due: BoardPack.MemberDue) -> [String: Any] {
        [
            "user": due.user, "name": due.name, "due": due.due.map(PeopleWords.day) ?? "", "never": due.never,
            "overdue": due.overdue, "status": BoardPackSentences.status(due),
        ]
    }

    private static func agenda(_ agenda: BoardPack.Agenda) -> [String: Any] {
        [
            "meetingId": agenda.meetingId, "title": agenda.title, "date": PeopleWords.day(agenda.date),
            "items": agenda.items.map { item -> [String: Any] in
                [
                    "number": item.number, "title": item.title,
                    "organisations": item.organisations.joined(separator: "; "),
                    "recusals": item.recusals.map { recusal -> [String: Any] in
                        [
                            "declarant": recusal.declarant, "kind": recusal.kind,
                            "organisation": recusal.organisation, "match": recusal.match.rawValue,
                            "declaredInAdvance": recusal.declaredInAdvance, "provenance": provenance(recusal),
                            "action": recusal.action?.words ?? "no action recorded yet",
                            // A withheld recusal is not marked: the mark would tell what withholding hides.
                            "withheld": recusal.kind == "withheld",
                            "sensitive": recusal.sensitive && recusal.kind != "withheld",
                        ]
                    },
                ]
            },
        ]
    }

    /// How the recusal's interest came to the item, in words (`Recusal.Match.words`), and whether it was declared in
    /// advance: `the name matches, declared in advance`; an interest declared at the meeting says so once.
    private static func provenance(_ recusal: BoardPack.Agenda.Recusal) -> String {
        let when = recusal.declaredInAdvance ? "declared in advance" : "declared at the meeting"
        return recusal.match == .declaredAtMeeting ? recusal.match.words : "\(recusal.match.words), \(when)"
    }
}
