import RiskProtocol

/// The public register as one self-contained HTML page, to publish on a web site: inline CSS, no script, nothing
/// fetched from elsewhere. Every text from the register is escaped; sensitive entries arrive withheld from riskd,
/// so the page cannot hold them. Members by name, dates and kinds in words; what it says of everyone is
/// `RegisterSentences`'.
enum RegisterPage {
    /// The page for `reply`, titled with the organisation and the day it shows (riskd's `asOf`).
    static func html(_ reply: InterestInterface.Register.Reply) -> String {
        let of = reply.organisation.map { " of \(escaped($0))" } ?? ""
        let when = escaped(DocumentWords.day(reply.asOf))
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Register of interests\(of), \(when)</title>
            <style>
            body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 2em; color: #111; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
            th, td { border: 1px solid #777; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #eee; } tr.withheld td { color: #555; } td { white-space: nowrap; }
            td.text { white-space: normal; }
            @page { size: A4; margin: 15mm; }
            </style></head><body>
            <h1>Register of interests\(of)</h1>
            <p>As it stood on \(when). A declaration marked withheld is sensitive: its member is named, not what \
            it is.\(reply.ownOnly ? " This copy shows your own entries only." : "")</p>
            <h2>Declarations</h2>
            \(declarations(reply))<h2>Confirmations</h2>
            <p>\(escaped(RegisterSentences.confirmations(reply)))</p>
            \(RegisterSentences.signatures(reply).map { "<p>\(escaped($0))</p>\n" } ?? "")            \(unconfirmed(reply))<h2>Undeclared interests found</h2>
            <p>\(escaped(RegisterSentences.breaches(reply)))</p>
            \(breaches(reply))</body></html>

            """
    }

    private static func declarations(_ reply: InterestInterface.Register.Reply) -> String {
        guard !reply.entries.isEmpty else {
            return "<p>No interest was declared\(reply.ownOnly ? " by you" : "") that is in force or ended within the "
                + "time the register keeps.</p>\n"
        }
        var rows = ""
        for entry in reply.entries {
            let withheld = entry.kind == "withheld"
            rows += "<tr\(withheld ? " class=\"withheld\"" : "")>"
            rows += "<td>\(escaped(RegisterSentences.person(entry.declarant, entry.declarantName)))</td>"
            rows += "<td>\(escaped(DocumentWords.kind(entry.kind)))</td>"
            rows += "<td>\(withheld ? "<i>withheld</i>" : escaped(entry.organisation))</td>"
            rows += "<td class=\"text\">\(escaped(entry.description))</td>"
            rows += "<td>\(escaped(DocumentWords.day(entry.startedOn)))</td>"
            rows += "<td>\(escaped(entry.endedOn.map(DocumentWords.day) ?? ""))</td></tr>\n"
        }
        return """
            <table><thead><tr><th>Member</th><th>Kind</th><th>Organisation</th><th>Description</th><th>Since</th>\
            <th>Until</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>

            """
    }

    private static func unconfirmed(_ reply: InterestInterface.Register.Reply) -> String {
        guard !reply.unconfirmed.isEmpty else { return "" }
        var rows = ""
        for member in reply.unconfirmed {
            rows += "<tr><td>\(escaped(RegisterSentences.person(member.member, member.name)))</td>"
            rows += "<td>\(escaped(RegisterSentences.standing(member)))</td></tr>\n"
        }
        return "<table><thead><tr><th>Member</th><th>Confirmation</th></tr></thead>\n<tbody>\n\(rows)</tbody></table>\n"
    }

    private static func breaches(_ reply: InterestInterface.Register.Reply) -> String {
        guard !reply.breaches.isEmpty else { return "" }
        var rows = ""
        for breach in reply.breaches {
            rows += "<tr><td>\(escaped(RegisterSentences.person(breach.member, breach.memberName)))</td>"
            rows += "<td>C-\(breach.concernId)</td><td>\(escaped(DocumentWords.day(breach.decidedOn)))</td></tr>\n"
        }
        return "<table><thead><tr><th>Member</th><th>Concern</th><th>Upheld on</th></tr></thead>\n<tbody>\n"
            + "\(rows)</tbody></table>\n"
    }

    /// `text` with the characters HTML gives a meaning as entities.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
