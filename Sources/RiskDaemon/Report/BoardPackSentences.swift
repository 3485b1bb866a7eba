import RiskCore

/// The pack's sentences about everyone and no one, each true of the pack it is made from: "All 5 board members
/// have acknowledged version 2" only when no one has not; otherwise how many have not, of how many, by when.
///
/// The template prints them as they are (`acknowledgementSummary`, …), so an organisation's own template says
/// the same true things; the tables beside them name the people.
enum BoardPackSentences {
    /// Of the open findings.
    static func findings(_ pack: BoardPack) -> String {
        let total = pack.findings.reduce(0) { $0 + $1.count }
        guard total > 0 else {
            return "No finding is open on \(PeopleWords.day(pack.asOf.utcDate)): the review rules, applied to the "
                + "register as it stood, find nothing."
        }
        return
            "\(PeopleWords.count(total, "finding is", "findings are")) open on \(PeopleWords.day(pack.asOf.utcDate)), "
            + "by the review rules applied to the register as it stood:"
    }

    /// Of the acknowledgements of the code in force; empty when no code was published.
    static func acknowledgements(_ pack: BoardPack) -> String {
        guard let version = pack.codeVersion else { return "" }
        let published = pack.codePublishedOn.map { ", published on \(PeopleWords.day($0))" } ?? ""
        guard pack.boardSize > 0 else { return "No one held the board role, so no one was asked to acknowledge it." }
        let missing = pack.notAcknowledged
        guard !missing.isEmpty else {
            return pack.boardSize == 1
                ? "The one board member has acknowledged version \(version)\(published)."
                : "All \(pack.boardSize) board members have acknowledged version \(version)\(published)."
        }
        let overdue = missing.filter(\.overdue).count
        let late =
            overdue == 0
            ? "" : overdue == missing.count ? ", all past their deadline" : ", \(overdue) past their deadline"
        return "\(missing.count) of \(pack.boardSize) board members \(missing.count == 1 ? "has" : "have") not yet "
            + "acknowledged version \(version)\(published)\(late): \(PeopleWords.list(missing.map(\.name)))."
    }

    /// Of the confirmations of declarations.
    static func confirmations(_ pack: BoardPack) -> String {
        guard pack.boardSize > 0 else { return "No one held the board role, so no one was asked to confirm." }
        let missing = pack.notConfirmed
        guard !missing.isEmpty else {
            return pack.boardSize == 1
                ? "The one board member has confirmed their declarations, and the confirmation is not overdue."
                : "All \(pack.boardSize) board members have confirmed their declarations, and no confirmation is overdue."
        }
        let unseen = missing.filter { $0.due == nil }.count
        let never = missing.filter { $0.never && $0.due != nil }.count
        let overdue = missing.filter { !$0.never }.count
        var parts: [String] = []
        if unseen > 0 { parts.append("\(unseen) \(unseen == 1 ? "has" : "have") not used riskd yet") }
        if never > 0 { parts.append("\(never) never confirmed") }
        if overdue > 0 { parts.append("\(overdue) \(overdue == 1 ? "is" : "are") past the deadline to confirm again") }
        return "\(missing.count) of \(pack.boardSize) board members \(missing.count == 1 ? "has" : "have") not "
            + "confirmed their declarations in time or at all (\(PeopleWords.list(parts))): "
            + "\(PeopleWords.list(missing.map(\.name)))."
    }

    /// Of the signatures of the latest confirmations: none, some (named) or all are signed with the member's own
    /// SSH key. Nil when no board member has confirmed yet.
    static func confirmationSignatures(_ pack: BoardPack) -> String? {
        let total = pack.confirmed.count
        let signed = pack.signedConfirmations
        guard total > 0 else { return nil }
        let check = "anyone can check them with OpenSSH alone (riskctl audit attestations)"
        if signed.isEmpty {
            return total == 1
                ? "The latest confirmation is not signed with the member's own SSH key: it rests on riskd's record alone."
                : "None of the \(total) latest confirmations is signed with the member's own SSH key: they rest on "
                    + "riskd's record alone."
        }
        if signed.count == total {
            return total == 1
                ? "The latest confirmation is signed with the member's own SSH key; anyone can check it with OpenSSH "
                    + "alone (riskctl audit attestations)."
                : "All \(total) latest confirmations are signed with the members' own SSH keys; \(check)."
        }
        return "\(signed.count) of the \(total) latest confirmations \(signed.count == 1 ? "is" : "are") signed with "
            + "the member's own SSH key, which anyone can check with OpenSSH alone (riskctl audit attestations): "
            + "\(PeopleWords.list(signed)); the others rest on riskd's record alone."
    }

    /// One member's row: "overdue: was due on 5 January 2027", "due by 5 January 2027", "never confirmed; due by …".
    static func status(_ due: BoardPack.MemberDue) -> String {
        guard let date = due.due else { return "has not used riskd yet" }
        let day = PeopleWords.day(date)
        let when = due.overdue ? "overdue: was due on \(day)" : "due by \(day)"
        return due.never ? "never confirmed; \(when)" : when
    }
}
