import RiskProtocol
import Testing

@testable import riskctl

@Suite("Refusals and hints in people's words")
struct PeopleWordsTests {
    static let groups: [MethodRole: [String]] = [
        .admin: ["riskd-admin"], .board: ["riskd-board"], .auditor: ["riskd-audit", "audit-team"], .mailer: [],
    ]

    @Test(
        "A refusal says what was tried, who may and through which group, and what the caller is",
        arguments: [
            (
                "org.riskd.risk.Add", "ana", [MethodRole.board],
                "adding a risk is for the secretariat (group riskd-admin); you are ana: board member"
            ),
            (
                "org.riskd.member.Export", "zora", [],
                "exporting what riskd holds about a member is for the secretariat (group riskd-admin), board members "
                    + "for themselves (group riskd-board) and auditors (groups riskd-audit or audit-team); "
                    + "you are zora: no role in riskd"
            ),
            (
                "org.riskd.mail.Claim", "root", [.auditor, .admin],
                "taking mails to deliver is for the mail deliverer (named in riskd's access list); "
                    + "you are root: secretariat and auditor"
            ),
            (
                "org.riskd.interest.Register", "nobody", [],
                "reading the public register of interests is not open to you here; you are nobody: no role in riskd"
            ),
            (
                "org.riskd.risk.NoSuchMethod", "ana", [.board],
                "this call is not open to you here; you are ana: board member"
            ),
        ]
    )
    func refusal(method: String, user: String, roles: [MethodRole], sentence: String) {
        let refusal = PermissionRefusal(method: method, groups: Self.groups, user: user, roles: roles)
        #expect(refusal.sentence == sentence)
        #expect(refusal.error.name == "org.varlink.service.PermissionDenied")
        #expect(refusal.error.parameters["message"]?.stringValue == sentence)
    }

    @Test("A refusal of what a parameter asks for names only the roles that may ask it")
    func narrowed() {
        let refusal = PermissionRefusal(
            method: "org.riskd.report.Board",
            groups: Self.groups,
            user: "ana",
            roles: [.board]
        )
        .narrowed(doing: "making the confidential copy of the board pack", to: [.admin, .auditor])
        #expect(
            refusal.sentence
                == "making the confidential copy of the board pack is for the secretariat (group riskd-admin) and "
                + "auditors (groups riskd-audit or audit-team); you are ana: board member"
        )
    }

    @Test("riskctl's own words, for a riskd that sent none, name no group and no caller")
    func withoutTheDaemonsWords() {
        #expect(
            PermissionRefusal(method: "org.riskd.review.Runs").sentence
                == "listing review runs is for the secretariat and auditors"
        )
    }

    @Test("Every method of the catalog has words, and no refusal of it names the protocol")
    func everyMethod() {
        for method in ProtocolCatalog.policies.keys {
            let sentence = PermissionRefusal(method: method, groups: Self.groups, user: "ana", roles: []).sentence
            #expect(ProtocolCatalog.policies[method]?.does.isEmpty == false, "\(method)")
            #expect(!sentence.contains("org."), "\(sentence)")
            #expect(!sentence.contains(method.split(separator: ".").last.map(String.init) ?? method), "\(sentence)")
        }
    }

    @Test("Every missing option is named at once")
    func missingOptions() {
        let arguments = ["risk", "add", "--title", "Funding overlap"]
        let missing = MissingArguments.all(in: arguments, first: "--category <name>") { line in
            do {
                _ = try RiskCtl.parseAsRoot(line)
                return nil
            } catch {
                return RiskCtl.message(for: error)
            }
        }
        #expect(missing == ["--category <name>", "--likelihood <n>", "--impact <n>"])
        #expect(
            MissingArguments.sentence(missing)
                == "missing expected arguments '--category <name>', '--likelihood <n>' and '--impact <n>'"
        )
        #expect(MissingArguments.sentence(["<id>"]) == "missing expected argument '<id>'")
    }

    @Test(
        "A date written another way gets its ISO form suggested",
        arguments: [
            ("31/12/2026", ["2026-12-31"]), ("31.12.2026", ["2026-12-31"]), ("2026/12/31", ["2026-12-31"]),
            ("2026-1-5", ["2026-01-05"]), ("01/02/2027", ["2027-02-01", "2027-01-02"]), ("5/5/2027", ["2027-05-05"]),
            ("1.2.2027", ["2027-02-01"]), ("31/02/2026", []), ("2026-12-31", []), ("tomorrow", []), ("12/31/26", []),
        ]
    )
    func dateMeanings(text: String, meanings: [String]) {
        #expect(CalendarDay.meanings(of: text) == meanings)
    }

    @Test("The hint is part of the reason riskctl prints")
    func dateHint() {
        #expect {
            try CalendarDay.parse("31/12/2026")
        } throws: { error in
            "\(error)".contains("must be a real date written YYYY-MM-DD; did you mean 2026-12-31?")
        }
    }

    @Test(
        "A diff lists a change's removed lines before its added ones, as diff -u does",
        arguments: [
            (["a", "b", "c"], ["a", "x", "c"], ["@@ -1,3 +1,3 @@", " a", "-b", "+x", " c"]),
            (["a", "b"], ["x", "y", "b"], ["@@ -1,2 +1,3 @@", "-a", "+x", "+y", " b"]),
            (["a", "b", "c"], ["c"], ["@@ -1,3 +1,1 @@", "-a", "-b", " c"]),
            (
                ["one", "two"], ["zero", "one", "two", "three"], ["@@ -1,2 +1,4 @@", "+zero", " one", " two", "+three"]
            ),
        ]
    )
    func diffOrder(old: [String], new: [String], lines: [String]) {
        #expect(LineDiff(old: old, new: new).unified() == lines)
    }

    @Test(
        "An action due before today is said to be overdue",
        arguments: [
            ("2026-12-05", true), ("2026-12-06", false), ("2027-01-01", false),
        ]
    )
    func overdue(dueOn: String, overdue: Bool) {
        #expect(ActionAddCommand.overdueNote(dueOn: dueOn, today: "2026-12-06").isEmpty == !overdue)
    }
}
