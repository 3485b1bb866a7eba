extension MemberExportDocument {
    /// The document as plain text: a heading per section, each record's title, then its fields indented.
    func text() -> String {
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
        for section in sections {
            out += "\n" + section.heading + "\n" + String(repeating: "-", count: section.heading.count) + "\n"
            out += section.summary + "\n"
            for item in section.items {
                out += "\n  " + oneLine(item.title) + "\n"
                let width = item.fields.map(\.name.count).max() ?? 0
                for field in item.fields {
                    let pad = String(repeating: " ", count: width - field.name.count)
                    out += "    \(field.name):\(pad) \(oneLine(field.value))\n"
                }
            }
        }
        return out
    }

    /// The document as one self-contained HTML page, like the register page: inline CSS, no script, nothing
    /// fetched from elsewhere; every text escaped.
    func html() -> String {
        var body = ""
        for section in sections {
            body += "<h2>\(RegisterPage.escaped(section.heading))</h2>\n"
            body += "<p>\(RegisterPage.escaped(section.summary))</p>\n"
            for item in section.items {
                body += "<table><caption>\(RegisterPage.escaped(item.title))</caption><tbody>\n"
                for field in item.fields {
                    body += "<tr><th>\(RegisterPage.escaped(field.name))</th>"
                    body += "<td>\(RegisterPage.escaped(field.value))</td></tr>\n"
                }
                body += "</tbody></table>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(RegisterPage.escaped(title))</title>
            <style>
            body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 2em; color: #111; max-width: 60em; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 1em 0; }
            caption { text-align: left; font-weight: bold; padding: 4px 0; }
            th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #eee; width: 14em; font-weight: normal; } td { white-space: pre-wrap; }
            @page { size: A4; margin: 15mm; }
            </style></head><body>
            <h1>\(RegisterPage.escaped(title))</h1>
            <p>Everything riskd holds about you, and nothing about anyone else. Keep it safe: it holds your sensitive \
            declarations.</p>
            \(body)</body></html>

            """
    }

    /// `text` on one line: a line break inside a field would read as another field.
    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " / ")
    }
}
