import RiskProtocol

/// The public register as one self-contained HTML page, to publish on a web site: inline CSS, no script, nothing
/// fetched from elsewhere. Every text from the register is escaped; sensitive entries arrive withheld from riskd,
/// so the page cannot hold them.
enum RegisterPage {
    /// The page for `reply`, titled with the day it shows.
    static func html(_ reply: InterestInterface.Register.Reply, day: String) -> String {
        var rows = ""
        for entry in reply.entries {
            let withheld = entry.kind == "withheld"
            rows += "<tr\(withheld ? " class=\"withheld\"" : "")><td>\(escaped(entry.declarant))</td>"
            rows += "<td>\(withheld ? "withheld" : escaped(entry.kind))</td>"
            rows += "<td>\(withheld ? "<i>withheld</i>" : escaped(entry.organisation))</td>"
            rows += "<td class=\"text\">\(escaped(entry.description))</td><td>\(escaped(entry.startedOn))</td>"
            rows += "<td>\(escaped(entry.endedOn ?? ""))</td></tr>\n"
        }
        let overdue =
            reply.notConfirmed.isEmpty
            ? "<p>Every board member has confirmed their declarations.</p>"
            : "<p>Confirmation overdue: \(reply.notConfirmed.map(escaped).joined(separator: ", ")).</p>"
        var breaches = ""
        if !reply.breaches.isEmpty {
            breaches = "<h2>Undeclared interests found</h2>\n<ul>\n"
            for breach in reply.breaches {
                breaches += "<li>\(escaped(breach.member)), decided on \(escaped(breach.decidedOn))</li>\n"
            }
            breaches += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Register of interests, \(escaped(day))</title>
            <style>
            body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 2em; color: #111; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #777; padding: 3px 6px; text-align: left; }
            th { background: #eee; } tr.withheld td { color: #555; } td { white-space: nowrap; } td.text { white-space: normal; }
            @page { size: A4; margin: 15mm; }
            </style></head><body>
            <h1>Register of interests</h1>
            <p>As it stood on \(escaped(day)). A declaration marked withheld is sensitive: its member is named, \
            not what it is.</p>
            <table><thead><tr><th>Member</th><th>Kind</th><th>Organisation</th><th>Description</th><th>Since</th>\
            <th>Until</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            \(overdue)
            \(breaches)</body></html>

            """
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
