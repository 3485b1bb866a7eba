import Varlink

/// The `org.riskd.daemon` interface: who the caller is, how the daemon is doing, and backups.
///
/// The caller's identity is never a parameter: it is the peer uid of the socket connection, mapped to a user name
/// through NSS and to roles through the configuration. Whoami may be called by anyone, even a user without a role;
/// Status by admin, board and auditor; Backup by admin only.
public enum DaemonInterface {
    /// The interface name, `org.riskd.daemon`.
    public static let name = "org.riskd.daemon"

    /// The IDL text of `org.riskd.daemon`, embedded from `IDL/org.riskd.daemon.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_daemon_varlink) else {
            preconditionFailure("embedded IDL org.riskd.daemon has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.daemon`.
    public enum Errors {
        /// riskd could not complete a call because of a fault of its own; the details are in its log.
        ///
        /// Parameters: `reason`.
        public static let internalError = "org.riskd.daemon.InternalError"
    }
}

// MARK: - Methods

extension DaemonInterface {
    /// Says who the daemon takes the caller to be and which roles the caller holds.
    ///
    /// Any connected user may call it, including one without a role.
    public enum Whoami: VarlinkMethod {
        /// The interface, `org.riskd.daemon`.
        public static let interface = DaemonInterface.name
        /// The method name, `Whoami`.
        public static let name = "Whoami"

        /// `Whoami` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.daemon.Whoami`.
        public struct Reply: Codable, Sendable, Hashable {
            /// Login name of the caller, resolved from the peer uid through NSS.
            public var user: String
            /// Numeric user id of the caller, from the socket's peer credentials.
            public var uid: Int
            /// The caller's roles: any of "admin", "board", "auditor"; empty when the caller holds none.
            public var roles: [String]

            /// Creates a value from its fields.
            public init(user: String, uid: Int, roles: [String]) {
                self.user = user
                self.uid = uid
                self.roles = roles
            }
        }
    }

    /// Reports the daemon's version, its database schema and how many records it keeps.
    ///
    /// Roles: admin, board, auditor.
    public enum Status: VarlinkMethod {
        /// The interface, `org.riskd.daemon`.
        public static let interface = DaemonInterface.name
        /// The method name, `Status`.
        public static let name = "Status"

        /// `Status` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.daemon.Status`.
        public struct Reply: Codable, Sendable, Hashable {
            /// Version of riskd, e.g. "0.1.0".
            public var version: String
            /// When this daemon process started, RFC 3339 UTC.
            public var startedAt: String
            /// Version of the database schema after all migrations ran.
            public var schemaVersion: Int
            /// Number of risks in the register, closed ones included.
            public var risks: Int
            /// Number of declared interests, ended ones included; for a caller who is neither admin nor auditor,
            /// their own only.
            public var interests: Int
            /// Number of review findings that are open, acknowledged ones included.
            public var openFindings: Int
            /// When the most recent review run finished, RFC 3339 UTC; `nil` when no review has run yet.
            public var lastReviewRun: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                version: String,
                startedAt: String,
                schemaVersion: Int,
                risks: Int,
                interests: Int,
                openFindings: Int,
                lastReviewRun: String? = nil
            ) {
                self.version = version
                self.startedAt = startedAt
                self.schemaVersion = schemaVersion
                self.risks = risks
                self.interests = interests
                self.openFindings = openFindings
                self.lastReviewRun = lastReviewRun
            }
        }
    }

    /// Writes a consistent copy of the database to a new timestamped file under the state directory.
    ///
    /// Roles: admin only. The reply is sent once the copy is complete.
    public enum Backup: VarlinkMethod {
        /// The interface, `org.riskd.daemon`.
        public static let interface = DaemonInterface.name
        /// The method name, `Backup`.
        public static let name = "Backup"

        /// `Backup` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.daemon.Backup`.
        public struct Reply: Codable, Sendable, Hashable {
            /// Absolute path of the backup file that was written.
            public var path: String
            /// Size of the backup file in bytes.
            public var bytes: Int
            /// SHA-256 of the backup file, lowercase hex.
            public var sha256: String

            /// Creates a value from its fields.
            public init(path: String, bytes: Int, sha256: String) {
                self.path = path
                self.bytes = bytes
                self.sha256 = sha256
            }
        }
    }
}
