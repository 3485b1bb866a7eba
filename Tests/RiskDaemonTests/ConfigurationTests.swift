import Foundation
import RiskCore
import RiskDaemon
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    let defaults = Configuration(paths: .system)

    func load(_ text: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationLoader.load(text: text, file: "riskd.toml", defaults: defaults)
    }

    @Test("The reference file config/riskd.toml, uncommented, is exactly the defaults") func reference() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("config/riskd.toml"), encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop(while: { $0 == " " })
            // "#key = value" lines are settings; "# text" lines stay comments.
            if trimmed.hasPrefix("#"), let first = trimmed.dropFirst().first, first.isLetter,
                trimmed.contains("=")
            {
                return String(trimmed.dropFirst())
            }
            return String(line)
        }.joined(separator: "\n")
        let configuration = try load(uncommented)
        #expect(configuration.socket == "/run/riskd/riskd.sock")
        #expect(configuration.database == "/var/lib/riskd/riskd.sqlite")
        #expect(configuration.access == defaults.access)
        #expect(configuration.risk == defaults.risk)
        #expect(configuration.interests == defaults.interests)
        #expect(configuration.review == defaults.review)
        #expect(configuration.limits == defaults.limits)
        #expect(configuration.backup == defaults.backup)
        #expect(configuration.mail == defaults.mail)
        #expect(configuration.budgets == defaults.budgets)
        #expect(configuration.socketMode == 0o660)
    }

    @Test("[mail] as a secretariat writes it") func mail() throws {
        let configuration = try load(
            """
            [access]
            mailers = ["unix-user:mailer"]
            [mail]
            enabled = true
            from = "riskd@example.org"
            organisation = "Mreža"
            domain = "example.org"
            admins = ["secretariat@example.org", "jelena@example.org"]
            notices = ["digest", "confirmation-due"]
            notice_days_before = 7
            max_attempts = 3
            """
        )
        #expect(configuration.access.mailers == [.userName("mailer")])
        var mail = MailPolicy()
        mail.enabled = true
        mail.from = try MailAddress("riskd@example.org")
        mail.organisation = "Mreža"
        mail.domain = "example.org"
        mail.admins = [try MailAddress("secretariat@example.org"), try MailAddress("jelena@example.org")]
        mail.kinds = [.digest, .confirmationDue]
        mail.noticeDaysBefore = 7
        mail.maxAttempts = 3
        #expect(configuration.mail == mail)
    }

    @Test func values() throws {
        let configuration = try load(
            """
            socket = "/tmp/x.sock"
            socket_mode = "0666"
            [access]
            admins = ["unix-user:marko", "unix-user:1001"]
            board = ["unix-group:riskd-board"]
            root_is_admin = false
            [risk]
            categories = ["financial", "safeguarding"]
            review_days_high = 60
            [interests]
            max_declarations_per_member = 30
            max_organisations_per_check = 5
            gift_declare_above = 50
            gift_refuse_above = 150.5
            currency = "EUR"
            [review]
            time = "07:30"
            [limits]
            max_connections = 8
            admin_connections = 2
            board_connections = 3
            auditor_connections = 1
            mailer_connections = 0
            no_role_connections = 1
            """
        )
        #expect(configuration.socket == "/tmp/x.sock")
        #expect(configuration.socketMode == 0o666)
        #expect(configuration.access.admins == [.userName("marko"), .userID(1001)])
        #expect(!configuration.access.rootIsAdmin)
        #expect(configuration.risk.categories == ["financial", "safeguarding"])
        #expect(configuration.risk.scoring.reviewInterval(for: .high) == 60)
        #expect(configuration.review.hour == 7 && configuration.review.minute == 30)
        #expect(configuration.limits.maxConnections == 8)
        #expect(configuration.limits.boardConnections == 3)
        #expect(configuration.limits.auditorConnections == 1)
        #expect(configuration.limits.mailerConnections == 0)
        #expect(configuration.limits.noRoleConnections == 1)
        #expect(configuration.interests.maxDeclarationsPerMember == 30)
        #expect(configuration.interests.maxOrganisationsPerCheck == 5)
        #expect(configuration.interests.giftDeclareAbove == 50)
        #expect(configuration.interests.giftRefuseAbove == 150.5)
        #expect(configuration.interests.currency == "EUR")
    }

    @Test(
        "Errors name the key and the line",
        arguments: [
            ("colour = \"red\"", "colour", 1),
            ("\n[limits]\nmax_conections = 3", "limits.max_conections", 3),
            ("[limits]\nmax_connections = 0", "limits.max_connections", 2),
            ("[limits]\nmax_connections = \"many\"", "limits.max_connections", 2),
            ("[limits]\nmax_connections = 8", "limits.admin_connections", 2),
            ("[limits]\nadmin_connections = 300", "limits.admin_connections", 2),
            ("[limits]\nmax_connections = 100", "limits.max_connections", 2),
            ("[limits]\nmax_connections = 50\nboard_connections = 10", "limits.board_connections", 3),
            ("[limits]\nboard_connections = 201", "limits.board_connections", 2),
            ("[limits]\nno_role_connections = -1", "limits.no_role_connections", 2),
            ("[limits]\nidle_timeout_seconds = 0", "limits.idle_timeout_seconds", 2),
            ("[access]\nadmins = [\"marko\"]", "access.admins", 2),
            ("[access]\nroot_is_admin = \"yes\"", "access.root_is_admin", 2),
            ("[review]\ntime = \"6am\"", "review.time", 2),
            ("socket = \"relative.sock\"", "socket", 1),
            ("socket_mode = \"999\"", "socket_mode", 1),
            ("[risk]\ncategories = []", "risk.categories", 2),
            ("[risk]\nmedium_from = 12", "risk.medium_from", 2),
            ("[log]\nlevel = \"loud\"", "log.level", 2),
            ("[interests]\nmax_declarations_per_member = 0", "interests.max_declarations_per_member", 2),
            ("[interests]\nmax_organisations_per_check = 101", "interests.max_organisations_per_check", 2),
            ("[weather]\nrain = true", "weather", 1),
            ("[interests]\ngift_refuse_above = -1", "interests.gift_refuse_above", 2),
            ("[interests]\ngift_refuse_above = \"100 EUR\"", "interests.gift_refuse_above", 2),
            ("[interests]\ncurrency = \"€\"", "interests.currency", 2),
            ("[interests]\ngift_declare_above = 200\ngift_refuse_above = 100", "interests.gift_declare_above", 2),
            ("[mail]\nfrom = \"riskd\"", "mail.from", 2),
            ("[mail]\nadmins = [\"ok@example.org\", \"Jelena <j@example.org>\"]", "mail.admins", 2),
            ("[mail]\ndomain = \"example..org\"", "mail.domain", 2),
            ("[mail]\nnotices = [\"weekly\"]", "mail.notices", 2),
            ("[mail]\nmax_attempts = 0", "mail.max_attempts", 2),
            ("[mail]\norganisation = \"\"", "mail.organisation", 2),
            ("[mail]\nsmtp = \"relay\"", "mail.smtp", 2),
            ("[access]\nmailers = [\"riskd-mail\"]", "access.mailers", 2),
            ("[concerns]\nmax_open_per_member = 0", "concerns.max_open_per_member", 2),
            ("[concerns]\nmax_per_member_per_day = \"ten\"", "concerns.max_per_member_per_day", 2),
            ("[concerns]\nmax_checks_per_member_per_day = 5", "concerns.max_checks_per_member_per_day", 2),
            ("[interests]\nmax_checks_per_member_per_day = 100001", "interests.max_checks_per_member_per_day", 2),
            ("[mail]\nmax_contact_changes_per_member_per_day = -1", "mail.max_contact_changes_per_member_per_day", 2),
            ("[risk]\nmax_reviews_per_member_per_day = 0", "risk.max_reviews_per_member_per_day", 2),
        ]
    )
    func errors(text: String, key: String, line: Int) {
        do {
            _ = try load(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.key == key)
            #expect(error.line == line)
            #expect(error.description.hasPrefix("riskd.toml:\(line): \(key): "))
        }
    }

    @Test("A syntax error names its line") func syntax() {
        #expect(throws: ConfigurationError.self) { try load("[limits\nmax_connections = 3") }
        do {
            _ = try load("a = 1\nb = = 2")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test(
        "Per-user paths follow XDG",
        arguments: [
            (
                ["XDG_RUNTIME_DIR": "/run/user/1001", "XDG_STATE_HOME": "/home/ana/.state"],
                "/run/user/1001/riskd/riskd.sock", "/home/ana/.state/riskd/riskd.sqlite"
            ),
            ([:], "/run/user/1001/riskd/riskd.sock", "/home/ana/.local/state/riskd/riskd.sqlite"),
        ]
    )
    func perUser(environment: [String: String], socket: String, database: String) {
        let paths = DefaultPaths.perUser(environment: environment, uid: 1001, home: "/home/ana")
        #expect(paths.socket == socket)
        #expect(paths.database == database)
    }

    @Test(
        "Identities",
        arguments: [
            ("unix-user:ana", Identity.userName("ana")), ("unix-user:1001", .userID(1001)),
            ("unix-group:riskd-board", .group("riskd-board")),
        ]
    )
    func identities(text: String, identity: Identity) {
        #expect(Identity(text) == identity)
        #expect(identity.description == text)
    }

    @Test("Malformed identities", arguments: ["ana", "unix-user:", "unix-group:", "user:ana", ""])
    func badIdentities(text: String) {
        #expect(Identity(text) == nil)
    }
}
