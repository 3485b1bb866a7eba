import RiskProtocol

/// What the register page and `interest register` say about everyone and no one, each true of the reply it is
/// made from: "All 5 board members have confirmed their declarations" only when no one has not; otherwise how many
/// have not, of how many, and who — the same rule the board pack states (riskd's `ConfirmationStanding`).
///
/// A board member who reads only their own entries (`ownOnly`) is told of themselves only: the reply names no one
/// else, so a sentence about everyone could not be true.
enum RegisterSentences {
    /// The name a document gives a member: their name, else their login.
    static func person(_ user: String, _ name: String?) -> String {
        name ?? user
    }

    /// Of the confirmations of declarations.
    static func confirmations(_ reply: InterestInterface.Register.Reply) -> String {
        let missing = reply.unconfirmed
        if reply.ownOnly {
            guard let mine = missing.first else {
                return "You have confirmed your declarations, and your confirmation is not overdue."
            }
            return mine.never
                ? "You have never confirmed your declarations\(due(mine))."
                : "Your confirmation of your declarations is overdue\(due(mine))."
        }
        guard reply.boardSize > 0 else {
            return "No one holds the board role, so no one was asked to confirm their declarations."
        }
        guard !missing.isEmpty else {
            return reply.boardSize == 1
                ? "The one board member has confirmed their declarations, and the confirmation is not overdue."
                : "All \(reply.boardSize) board members have confirmed their declarations, and no confirmation "
                    + "is overdue."
        }
        var sentences: [String] = []
        let never = missing.filter(\.never)
        if !never.isEmpty {
            sentences.append(
                "\(never.count) of \(reply.boardSize) board members \(never.count == 1 ? "has" : "have") never "
                    + "confirmed their declarations: \(names(never))."
            )
        }
        let overdue = missing.filter { !$0.never }
        if !overdue.isEmpty {
            sentences.append(
                "\(overdue.count) of \(reply.boardSize) board members \(overdue.count == 1 ? "is" : "are") past "
                    + "the deadline to confirm their declarations again: \(names(overdue))."
            )
        }
        return sentences.joined(separator: " ")
    }

    /// Of the signatures of the latest confirmations: none, some (named) or all are signed with the member's own
    /// SSH key; nil when no one (or, with `ownOnly`, not the reader) has confirmed yet.
    static func signatures(_ reply: InterestInterface.Register.Reply) -> String? {
        let confirmed = reply.confirmations
        guard !confirmed.isEmpty else { return nil }
        let signed = confirmed.filter(\.signed)
        let check = "anyone can check it with OpenSSH alone"
        if reply.ownOnly {
            return signed.isEmpty
                ? "Your latest confirmation is not signed with your own SSH key."
                : "Your latest confirmation is signed with your own SSH key; \(check)."
        }
        let total = confirmed.count
        if signed.isEmpty {
            return total == 1
                ? "The latest confirmation is not signed with the member's own SSH key: it rests on riskd's record "
                    + "alone."
                : "None of the \(total) latest confirmations is signed with the member's own SSH key: they rest on "
                    + "riskd's record alone."
        }
        if signed.count == total {
            return total == 1
                ? "The latest confirmation is signed with the member's own SSH key; \(check)."
                : "All \(total) latest confirmations are signed with the members' own SSH keys; anyone can check "
                    + "them with OpenSSH alone."
        }
        let people = DocumentWords.list(signed.map { person($0.member, $0.name) })
        return "\(signed.count) of the \(total) latest confirmations \(signed.count == 1 ? "is" : "are") signed with "
            + "the member's own SSH key, which anyone can check with OpenSSH alone: \(people); the others rest on "
            + "riskd's record alone."
    }

    /// One member's standing: "never confirmed; due by 29 September 2026", "overdue: was due on 5 January 2027".
    static func standing(_ member: InterestInterface.Unconfirmed) -> String {
        guard let date = member.due else { return "never confirmed; has not used riskd yet" }
        let when =
            member.overdue ? "overdue: was due on \(DocumentWords.day(date))" : "due by \(DocumentWords.day(date))"
        return member.never ? "never confirmed; \(when)" : when
    }

    /// Of the upheld breaches: none, or how many and about whom.
    static func breaches(_ reply: InterestInterface.Register.Reply) -> String {
        let whose = reply.ownOnly ? "you" : "a member"
        guard !reply.breaches.isEmpty else {
            return "No concern that \(whose) left an interest undeclared has been upheld."
        }
        let concerns = DocumentWords.count(reply.breaches.count, "concern")
        let sentence =
            "\(concerns) that \(whose) left an interest undeclared "
            + (reply.breaches.count == 1 ? "was upheld" : "were upheld")
        guard !reply.ownOnly else { return sentence + "." }
        var seen = Set<String>()
        let people = reply.breaches.filter { seen.insert($0.member).inserted }.map { person($0.member, $0.memberName) }
        return sentence + ", about \(DocumentWords.list(people))."
    }

    private static func names(_ members: [InterestInterface.Unconfirmed]) -> String {
        DocumentWords.list(members.map { person($0.member, $0.name) })
    }

    private static func due(_ member: InterestInterface.Unconfirmed) -> String {
        guard let date = member.due else { return "" }
        return member.overdue ? " (it was due on \(DocumentWords.day(date)))" : " (due by \(DocumentWords.day(date)))"
    }
}
