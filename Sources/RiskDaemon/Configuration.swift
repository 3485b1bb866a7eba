import Logging
import RiskCore

/// Everything riskd can be told in `riskd.toml`; every key has a default (config/riskd.toml is the reference).
public struct Configuration: Sendable {
    /// The socket riskd binds when it is not socket-activated.
    public var socket: String
    /// The SQLite database file.
    public var database: String
    /// System or per-user (`riskd --user`): which defaults applied.
    public var mode: RunMode = .system
    /// The configuration file read, or `nil` when every key kept its default.
    public var file: String?
    /// Mode of a socket riskd binds itself.
    public var socketMode: UInt32 = 0o660
    /// Group of a socket riskd binds itself; `nil` keeps the daemon's primary group.
    public var socketGroup: String?
    public var access = Access()
    public var risk = RiskPolicy()
    public var interests = Interests()
    /// Days a member has to acknowledge a newly published code (`ethics.acknowledge_within_days`).
    public var ethicsAcknowledgeWithinDays = 30
    public var review = Review()
    public var backup = Backup()
    public var limits = Limits()
    /// What one caller without the admin role may make riskd store: `[concerns]` and the `max_…_per_member…` keys
    /// of `[interests]`, `[risk]` and `[mail]` (`Budget` has each key and its default).
    public var budgets = MemberBudgets()
    public var report = Report()
    /// `[mail]`: reminders, notices and the digest (riskd.toml(5)).
    public var mail = MailPolicy()
    /// `[organisation] name`: what the board pack, the register page, the minutes and the mails are titled with.
    public var organisation: String?
    public var logLevel: Logger.Level = .info

    /// Who holds which role (`[access]`).
    public struct Access: Sendable, Hashable {
        public var admins: [Identity] = [.group("riskd-admin")]
        public var board: [Identity] = [.group("riskd-board")]
        public var auditors: [Identity] = [.group("riskd-audit")]
        /// The mail deliverer's user (riskd-mail.service runs `riskctl mail deliver` as `riskd-mail`).
        public var mailers: [Identity] = [.userName("riskd-mail")]
        /// root and the daemon's own user are administrators.
        public var rootIsAdmin = true
    }

    /// `[interests]`.
    public struct Interests: Sendable, Hashable {
        public var boardSeesRegister = true
        public var firstConfirmationDays = 28
        public var confirmEveryDays = 365
        public var lateAfterDays = 28
        /// `register_opened_on`: lateness counts from this day at the earliest; `nil`, the database's first start.
        public var registerOpenedOn: CalendarDate?
        public var unmanagedAfterDays = 30
        /// `max_declarations_per_member`: declarations one member may have on record, ended ones included.
        public var maxDeclarationsPerMember = 100
        /// `max_organisations_per_check`: names one conflict check may ask about.
        public var maxOrganisationsPerCheck = 20
        /// `gift_declare_above`, `gift_refuse_above`: limits for gifts, in `currency`; `nil` when not set.
        public var giftDeclareAbove: Double?
        public var giftRefuseAbove: Double?
        /// `currency`: the organisation's currency code, e.g. "EUR".
        public var currency: String?
        /// `retain_ended_days`: an ended interest keeps its text this many days after its end, then the daily
        /// review erases it.
        public var retainEndedDays = 365
        /// `public_register`: whether a user with no role may read `interest.Register` (a web server's user that
        /// publishes the page).
        public var publicRegister = false
        /// `require_signature`: whether `interest.Confirm` and `ethics.Acknowledge` must carry the member's SSH
        /// signature over the statement; unsigned ones are refused when true.
        public var requireSignature = false
    }

    /// `[report]`.
    public struct Report: Sendable {
        /// `template`: the Mustache file the board pack is rendered with; `nil`, riskd's own.
        public var templatePath: String?
        /// That file, parsed when the configuration was loaded (riskd's own template when no file is named).
        public var template: BoardPackTemplate = .builtIn
    }

    /// `[review]`.
    public struct Review: Sendable, Hashable {
        /// Local time of the daily run.
        public var hour = 6
        public var minute = 0
        public var remindEveryDays = 7
    }

    /// `[backup]`.
    public struct Backup: Sendable, Hashable {
        /// `nil`: `backups/` beside the database.
        public var directory: String?
        public var keep = 10
    }

    /// `[limits]`.
    public struct Limits: Sendable, Hashable {
        public var maxMessageBytes = 1_048_576
        public var maxConnections = 256
        /// Of `maxConnections`, how many are kept for administrators, board members, auditors and mailers: no
        /// connection of another role takes them (`RoleShares`).
        public var adminConnections = 16
        public var boardConnections = 64
        public var auditorConnections = 16
        public var mailerConnections = 8
        /// Kept for users with no role, and the most they may hold together.
        public var noRoleConnections = 16
        public var maxConnectionsPerUser = 32
        public var frameTimeoutSeconds = 30
        /// A connection with no call in flight and no stream open is closed after this long.
        public var idleTimeoutSeconds = 120
        /// A client that leaves its replies unread this long is cut off.
        public var replyTimeoutSeconds = 30
        /// On shutdown, calls still in flight after this long are cut off.
        public var drainTimeoutSeconds = 10
    }

    /// The defaults for a system service, or for one user when riskd runs unprivileged with no configuration.
    public init(paths: DefaultPaths) {
        socket = paths.socket
        database = paths.database
    }

    /// The directory backups go to.
    public var backupDirectory: String {
        if let directory = backup.directory { return directory }
        let parent = database.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (parent.isEmpty ? "." : parent) + "/backups"
    }
}

/// Where the socket and the database are when the configuration does not say.
public struct DefaultPaths: Sendable, Hashable {
    public var socket: String
    public var database: String

    public init(socket: String, database: String) {
        self.socket = socket
        self.database = database
    }

    /// `/run/riskd/riskd.sock` and `/var/lib/riskd/riskd.sqlite`.
    public static let system = DefaultPaths(socket: "/run/riskd/riskd.sock", database: "/var/lib/riskd/riskd.sqlite")

    /// `$XDG_RUNTIME_DIR/riskd/riskd.sock` and `$XDG_STATE_HOME/riskd/riskd.sqlite` (or `~/.local/state/…`).
    public static func perUser(environment: [String: String], uid: UInt32, home: String) -> DefaultPaths {
        let runtime = environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/run/user/\(uid)"
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/state"
        return DefaultPaths(socket: "\(runtime)/riskd/riskd.sock", database: "\(state)/riskd/riskd.sqlite")
    }
}

/// One entry of an access list: `unix-user:NAME`, `unix-user:UID` or `unix-group:NAME`.
public enum Identity: Sendable, Hashable, CustomStringConvertible {
    case userName(String)
    case userID(UInt32)
    case group(String)

    /// Parses the polkit-style text; `nil` when it is none of the three forms.
    public init?(_ text: String) {
        if text.hasPrefix("unix-user:") {
            let name = String(text.dropFirst("unix-user:".count))
            guard !name.isEmpty else { return nil }
            if let uid = UInt32(name) { self = .userID(uid) } else { self = .userName(name) }
        } else if text.hasPrefix("unix-group:") {
            let name = String(text.dropFirst("unix-group:".count))
            guard !name.isEmpty else { return nil }
            self = .group(name)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .userName(let name): "unix-user:\(name)"
        case .userID(let uid): "unix-user:\(uid)"
        case .group(let name): "unix-group:\(name)"
        }
    }
}

extension Configuration {
    /// The organisation's name for documents: `[organisation] name`, else `mail.organisation` when it was set;
    /// nil when neither was (the documents then carry no name, never riskd's own).
    public var organisationName: String? {
        organisation ?? (mail.organisation == MailPolicy().organisation ? nil : mail.organisation)
    }
}
