/// The "Declarations of interest" section of a meeting's minutes, in Markdown: for every recusal, in item order,
/// the fields the Charity Commission's guidance CC29 asks minutes to hold (who, the nature of the interest,
/// whether it was declared in advance, what the member did, whether the meeting stayed quorate).
///
/// A sensitive interest is "a private interest" whoever reads the minutes, so that minutes can be circulated; the
/// record is `viewed` by its reader first, and a withheld recusal is sensitive too. Text from the register is
/// escaped, so a name cannot add Markdown of its own.
public enum Minutes {
    /// The section for `record`, as its reader sees it.
    public static func markdown(_ record: MeetingRecord) -> String {
        let meeting = record.meeting
        var lines = [
            "## Declarations of interest",
            "",
            "\(escaped(meeting.title)), \(meeting.date) (M-\(meeting.id)), \(state(meeting)).",
        ]
        if record.items.isEmpty {
            lines += ["", "The agenda has no items."]
        }
        for item in record.items {
            lines += ["", "### Item \(item.number): \(escaped(item.title))", ""]
            let recusals = record.recusals.filter { $0.itemId == item.id }
            if recusals.isEmpty {
                lines.append(
                    item.isChecked
                        ? "No conflict of interest was declared."
                        : item.decision
                            ? "No organisation named: not checked for conflicts."
                            : "Not a decision: not checked for conflicts."
                )
            }
            for recusal in recusals {
                lines.append("- \(entry(recusal))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One recusal as a sentence: `**ana**: a funding interest in Western Balkan Fund, declared in advance. Left
    /// the room; the meeting remained quorate.`
    static func entry(_ recusal: Recusal) -> String {
        let nature =
            recusal.sensitive
            ? "a private interest"
            : "\(article(recusal.kind)) \(escaped(recusal.kind)) interest in \(escaped(recusal.organisation))"
        let when = recusal.declaredInAdvance ? "declared in advance" : "declared at the meeting"
        var text = "**\(escaped(recusal.declarant))**: \(nature), \(when). \(action(recusal.action))"
        switch recusal.quorate {
        case true?: text += "; the meeting remained quorate."
        case false?: text += "; the meeting was not quorate for the item."
        case nil: text += recusal.action == nil ? "." : "; quorum not recorded."
        }
        if let note = recusal.note {
            let sentence = escaped(note)
            text += " " + sentence + (sentence.last.map { ".!?".contains($0) } == true ? "" : ".")
        }
        return text
    }

    private static func action(_ action: Recusal.Action?) -> String {
        switch action {
        case .leftRoom?: "Left the room for the item"
        case .stayedNoVote?: "Stayed but did not vote"
        case .stayedTookPart?: "Stayed and took part"
        case .absent?: "Was absent"
        case .notAConflict?: "The board found it was not a conflict"
        case nil: "What the member did is not recorded yet"
        }
    }

    private static func state(_ meeting: Meeting) -> String {
        switch meeting.status {
        case .draft: "draft agenda"
        case .published: "published"
        case .closed: "closed"
        }
    }

    private static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// `text` with the characters that mean something to Markdown in the middle of a line backslash-escaped (text
    /// from the register never starts a line here), and line breaks as spaces.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isNewline {
                out.append(" ")
            } else {
                if "\\`*_[]<>|".contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        return out
    }
}
