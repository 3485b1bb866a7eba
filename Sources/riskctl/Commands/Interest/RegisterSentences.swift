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
