/// The example every `--help` ends with, one per command, taken from riskctl(1) so the two read the same.
///
/// Keyed by the command's path below `riskctl` (`risk action add`; `""` for riskctl itself). `RiskCtl` appends the
/// example to argument-parser's help screen; a test checks that every command has one and that riskctl(1) shows it.
enum HelpExamples {
    /// The examples by command path.
    static let byCommand: [String: String] = [
        "": "riskctl risk list --min-score 10 --overdue",
        "whoami": "riskctl whoami",
        "status": "riskctl status",
        "bridge": "ssh ana@board.example riskctl bridge",
        "backup": "riskctl backup",
        "risk": "riskctl risk show R-4",
        "risk add": """
        riskctl risk add --title "No ethical code" --category governance \\
                --likelihood 4 --impact 4 --owner marko
        """,
        "risk list": "riskctl risk list --min-score 10 --overdue",
        "risk history": "riskctl risk history R-4",
        "risk show": "riskctl risk show R-4",
        "risk update": "riskctl risk update R-4 --if-revision 2 --owner ana",
        "risk review": """
        riskctl risk review R-4 --note "Discussed at the board meeting" \\
                --residual-likelihood 3 --residual-impact 3
        """,
        "risk accept": """
        riskctl risk accept R-4 --until 2027-06-30 --decision "M-3 item 4" \\
                --note "Tolerated for the funding round"
        """,
        "risk close": "riskctl risk close R-1 --reason mitigated --note \"Code adopted\"",
        "risk reopen": "riskctl risk reopen R-1 --note \"Code not yet applied by members\"",
        "risk matrix": "riskctl risk matrix --inherent",
        "risk appetite": "riskctl risk appetite set financial 12",
        "risk appetite list": "riskctl risk appetite",
        "risk appetite set": "riskctl risk appetite set financial 12",
        "risk appetite unset": "riskctl risk appetite unset safeguarding",
        "risk import": "riskctl risk import examples/register.csv",
        "risk export": "riskctl risk export --csv > register-2026-11-29.csv",
        "risk action": "riskctl risk action done A-3 --note \"Policy adopted 2027-02-20\"",
        "risk action add": """
        riskctl risk action add R-2 --owner marko --due 2027-02-28 \\
                --description "Draft a conflict of interest policy"
        """,
        "risk action update": "riskctl risk action update A-2 --due 2027-03-31 --owner ana",
        "risk action done": "riskctl risk action done A-3 --note \"Policy adopted 2027-02-20\"",
        "risk action cancel": "riskctl risk action cancel A-5 --note \"Replaced by A-6\"",
        "action": "riskctl action list --owner marko --overdue",
        "action list": "riskctl action list --owner marko --overdue",
        "audit": "riskctl audit log --subject risk:4",
        "audit log": "riskctl audit log --subject risk:4",
        "audit verify": "riskctl audit verify",
        "audit attestations": "riskctl audit attestations --export attestations-2026",
        "report": "riskctl report board --meeting M-3 --as-of 2027-01-15 -o pack.html",
        "report board": "riskctl report board --meeting M-3 --as-of 2027-01-15 -o pack.html",
        "ethics": "riskctl ethics ack",
        "ethics show": "riskctl ethics show --version 1",
        "ethics ack": "riskctl ethics ack",
        "ethics diff": "riskctl ethics diff 1 2",
        "ethics versions": "riskctl ethics versions",
        "ethics status": "riskctl ethics status",
        "ethics publish": "riskctl ethics publish examples/ethical-code.md --title \"Code of Ethics\"",
        "org": "riskctl org list --kind funder",
        "org add": """
        riskctl org add "Open Society Foundations" --kind funder \\
                --alias OSF --interest high --power high
        """,
        "org list": "riskctl org list --kind funder",
        "org show": "riskctl org show O-29",
        "org update": "riskctl org update O-27 --alias WBF --alias \"Western Balkans Fund\"",
        "org import": "riskctl org import config/organisations.example.csv",
        "org map": "riskctl org map",
        "interest": "riskctl interest list --organisation WBF",
        "interest declare": """
        riskctl interest declare --kind governance \\
                --organisation "Udruženje Prevent" \\
                --description "Member of the managing board" --since 2023-05-01
        """,
        "interest list": "riskctl interest list --organisation WBF",
        "interest show": "riskctl interest show I-7",
        "interest update": "riskctl interest update I-7 --value \"Unpaid\"",
        "interest end": "riskctl interest end I-7 --on 2026-12-31",
        "interest confirm": "riskctl interest confirm",
        "interest manage": """
        riskctl interest manage I-8 \\
                --plan "Leaves the room for item 4; receives no papers on it"
        """,
        "interest register": "riskctl interest register --format csv -o register-of-interests.csv",
        "concern": "riskctl concern raise --kind undeclared-interest --about ivan \"Ivan's firm bid for the audit\"",
        "concern raise": "riskctl concern raise --kind undeclared-interest --about ivan < concern.txt",
        "concern list": "riskctl concern list --status open",
        "concern show": "riskctl concern show C-2",
        "concern close": "riskctl concern close C-2 --upheld --outcome \"Ivan declared the interest on 2027-02-03\"",
        "member export": "riskctl member export -o my-data.json",
        "interest erase": "riskctl interest erase I-7 --reason \"The member asked for it\"",
        "conflicts": "riskctl conflicts history --since 2026-01-01",
        "conflicts check": """
        riskctl conflicts check "Western Balkan Fund" "Udruzenje Prevent" \\
                --matter "Call WBF-2027 partners"
        """,
        "conflicts history": "riskctl conflicts history --since 2026-01-01",
        "meeting": "riskctl meeting show M-3",
        "meeting create": "riskctl meeting create \"Board meeting\" --date 2027-01-20",
        "meeting list": "riskctl meeting list --since 2027-01-01",
        "meeting show": "riskctl meeting show M-3 --as-of 2027-03-31",
        "meeting item": """
        riskctl meeting item add M-3 "Call WBF-2027 partners" \\
                --org "Western Balkan Fund" --org "Udruženje Prevent"
        """,
        "meeting item add": """
        riskctl meeting item add M-3 "Call WBF-2027 partners" \\
                --org "Western Balkan Fund" --org "Udruženje Prevent"
        """,
        "meeting publish": "riskctl meeting publish M-3",
        "meeting record": "riskctl meeting record M-3 --item 4 --member ana --action left-room --quorate",
        "meeting declare": """
        riskctl meeting declare M-3 --item 5 --kind family \\
                --org "Fondacija Zora" --description "My brother is its director"
        """,
        "meeting close": "riskctl meeting close M-3",
        "meeting cancel": "riskctl meeting cancel M-3 --reason \"Postponed to the April meeting\"",
        "meeting minutes": "riskctl meeting minutes M-3 --format html -o minutes-declarations.html",
        "member": "riskctl member show ana",
        "member list": "riskctl member list",
        "member show": "riskctl member show ana",
        "member contact": "riskctl member contact ana --email ana@udruga.example",
        "member key": "riskctl member key add ~/.ssh/id_ed25519.pub",
        "member key add": "riskctl member key add ~/.ssh/id_ed25519.pub",
        "member key list": "riskctl member key list",
        "member key remove": "riskctl member key remove SHA256:tgLzvj8VCytX0akj9XU3lQ2/ufQkg+I80MHXAexz4WM",
        "mail": "riskctl mail status --state failed",
        "mail status": "riskctl mail status --state failed",
        "mail test": "riskctl mail test tajnistvo@udruga.example",
        "mail retry": "riskctl mail retry 17",
        "mail deliver": "riskctl mail deliver --timeout 30",
        "review": "riskctl review findings --subject risk:4",
        "review findings": "riskctl review findings --subject risk:4",
        "review preview": "riskctl review preview --as-of 2027-01-15",
        "review run": "riskctl review run",
        "review ack": "riskctl review ack F-40 --note \"On the agenda of the January meeting\"",
        "review runs": "riskctl review runs --limit 7",
        "review watch": "riskctl review watch",
    ]

    /// `help` with an `EXAMPLE:` section for the command at `path` (the words after `riskctl`), when it has one.
    static func appended(to help: String, path: [String]) -> String {
        guard let example = byCommand[path.joined(separator: " ")] else { return help }
        let indented = example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        var text = help
        while text.last == "\n" {
            text.removeLast()
        }
        return text + "\n\nEXAMPLE:\n" + indented
    }
}
