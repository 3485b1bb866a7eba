/// The "Declarations of interest" section of a meeting's minutes: for every recusal, in item order, the fields the
/// Charity Commission's guidance CC29 asks minutes to hold (who, the nature of the interest, whether it was declared
/// in advance, what the member did, whether the meeting stayed quorate), in words for people: dates as people write
/// them, no protocol identifier.
///
/// The sentences are made once (`document`) and written as Markdown (`markdown`) or, by the daemon, as an HTML page;
/// so the two formats cannot say different things. A sensitive interest is "a private interest" whoever reads the
/// minutes, so that minutes can be circulated; the record is `viewed` by its reader first, and a withheld recusal is
/// sensitive too.
public enum Minutes {
    /// The section as sentences, before any format.
    public struct Document: Sendable, Hashable {
        /// The meeting's title, as given.
        public var title: String
        /// `Board meeting, 5 March 2027 (M-3), closed.`
        public var lead: String
        /// The day it meets, as people write it.
        public var date: String
        /// The agenda, in order; empty when it has no items.
        public var items: [Item]
    }

    /// One agenda item of the minutes.
    public struct Item: Sendable, Hashable {
        /// `Item 4: Call WBF-2027 partners`.
        public var heading: String
        /// One per recusal, in the record's order.
        public var entries: [Entry]
        /// What the minutes say when nobody steps out; `nil` when someone does.
        public var none: String?
    }

    /// One recusal: who, then what of them.
    public struct Entry: Sendable, Hashable {
        /// The member, as the record names them.
        public var member: String
        /// `a funding interest in Western Balkan Fund, declared in advance. Left the room for the item; the meeting
        /// remained quorate.`
        public var text: String
    }

    /// The sentences of `record`, as its reader sees it, naming members by `names` (login → name; a login not there
    /// is shown as it is).
    public static func document(_ record: MeetingRecord, names: [String: String] = [:]) -> Document {
        let meeting = record.meeting
        return Document(
            title: meeting.title,
            lead: "\(meeting.title), \(meeting.date.written) (M-\(meeting.id)), \(state(meeting)).",
            date: meeting.date.written,
            items: record.items.map { item in
                let recusals = record.recusals.filter { $0.itemId == item.id }
                return Item(
                    heading: "Item \(item.number): \(item.title)",
                    entries: recusals.map { Entry(member: names[$0.declarant] ?? $0.declarant, text: sentence($0)) },
                    none: recusals.isEmpty ? nothingDeclared(item) : nil
                )
            }
        )
    }

    /// The section for `record` in Markdown, as its reader sees it. Text from the register is escaped, so that a
    /// name cannot add Markdown of its own.
    public static func markdown(_ record: MeetingRecord, names: [String: String] = [:]) -> String {
        let document = document(record, names: names)
        var lines = ["## Declarations of interest", "", escaped(document.lead)]
        if document.items.isEmpty {
            lines += ["", "The agenda has no items."]
        }
        for item in document.items {
            lines += ["", "### \(escaped(item.heading))", ""]
            if let none = item.none { lines.append(none) }
            lines += item.entries.map { "- **\(escaped($0.member))**: \(escaped($0.text))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One recusal in Markdown: `**ana**: a funding interest in Western Balkan Fund, declared in advance. Left the
    /// room for the item; the meeting remained quorate.`
    static func entry(_ recusal: Recusal) -> String {
        "**\(escaped(recusal.declarant))**: \(escaped(sentence(recusal)))"
    }

    /// What a recusal's member declared and did, after their name.
    static func sentence(_ recusal: Recusal) -> String {
        let nature =
            recusal.sensitive
            ? "a private interest"
            : "\(article(recusal.kind)) \(recusal.kind) interest in \(recusal.organisation)"
        let when = recusal.declaredInAdvance ? "declared in advance" : "declared at the meeting"
        var text = "\(nature), \(when). \(action(recusal.action))"
        switch recusal.quorate {
        case true?: text += "; the meeting remained quorate."
        case false?: text += "; the meeting was not quorate for the item."
        case nil: text += recusal.action == nil ? "." : "; quorum not recorded."
        }
        if let note = recusal.note {
            let note = note.map { $0.isNewline ? " " : String($0) }.joined()
            text += " " + note + (note.last.map { ".!?".contains($0) } == true ? "" : ".")
        }
        return text
    }

    private static func nothingDeclared(_ item: MeetingItem) -> String {
        item.isChecked
            ? "No conflict of interest was declared."
            : item.decision
                ? "No organisation named: not checked for conflicts."
                : "Not a decision: not checked for conflicts."
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
        case .cancelled: "cancelled" + (meeting.cancelReason.map { ": \($0)" } ?? "")
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
