import Varlink

/// The `org.riskd.member` interface: the board members and where each stands.
///
/// Members are the users who hold the board role now (listed users and members of listed groups, resolved through NSS),
/// plus every user who ever declared an interest. Roles: admin and auditor see every member; a board member sees only
/// themselves.
public enum MemberInterface {
    /// The interface name, `org.riskd.member`.
    public static let name = "org.riskd.member"

    /// The IDL text of `org.riskd.member`, embedded from `IDL/org.riskd.member.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_member_varlink) else {
            preconditionFailure("embedded IDL org.riskd.member has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.member`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No member has this user name.
        ///
        /// Parameters: `user`.
        public static let noSuchMember = "org.riskd.member.NoSuchMember"
    }
}

// MARK: - Types

extension MemberInterface {
    /// One member and their standing.
    public struct Member: Codable, Sendable, Hashable {
        /// Login name of the member.
        public var user: String
        /// Numeric user id of the member.
        public var uid: Int
        /// The member's roles now: any of "admin", "board", "auditor"; empty for a former member.
        public var roles: [String]
        /// When the daemon first saw the user as a member, RFC 3339 UTC.
        public var firstSeenAt: String
        /// When the member last confirmed their register of interests, RFC 3339 UTC; `nil` when never.
        public var lastConfirmedAt: String?
        /// Day the next confirmation is due, YYYY-MM-DD; the first is due interests.first_confirmation_days after first
        /// seen.
        public var confirmationDue: String
        /// Latest version of the ethical code the member acknowledged; `nil` when none.
        public var acknowledgedVersion: Int?
        /// Number of the member's interests that are active today.
        public var activeInterests: Int
        /// Number of open review findings about the member.
        public var openFindings: Int

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            user: String,
            uid: Int,
            roles: [String],
            firstSeenAt: String,
            lastConfirmedAt: String? = nil,
            confirmationDue: String,
            acknowledgedVersion: Int? = nil,
            activeInterests: Int,
            openFindings: Int
        ) {
            self.user = user
            self.uid = uid
            self.roles = roles
            self.firstSeenAt = firstSeenAt
            self.lastConfirmedAt = lastConfirmedAt
            self.confirmationDue = confirmationDue
            self.acknowledgedVersion = acknowledgedVersion
            self.activeInterests = activeInterests
            self.openFindings = openFindings
        }
    }
}

// MARK: - Methods

extension MemberInterface {
    /// Lists the members the caller may see.
    ///
    /// Roles: admin, auditor; a board member sees only themselves.
    public enum List: VarlinkMethod {
        /// The interface, `org.riskd.member`.
        public static let interface = MemberInterface.name
        /// The method name, `List`.
        public static let name = "List"

        /// `List` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.member.List`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The members the caller may see.
            public var members: [Member]

            /// Creates a value from its fields.
            public init(members: [Member]) {
                self.members = members
            }
        }
    }

    /// Returns one member.
    ///
    /// Roles: admin, auditor; a board member only for themselves.
    public enum Get: VarlinkMethod {
        /// The interface, `org.riskd.member`.
        public static let interface = MemberInterface.name
        /// The method name, `Get`.
        public static let name = "Get"

        /// The parameters of `org.riskd.member.Get`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Login name of the member.
            public var user: String

            /// Creates a value from its fields.
            public init(user: String) {
                self.user = user
            }
        }

        /// The reply of `org.riskd.member.Get`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The member.
            public var member: Member

            /// Creates a value from its fields.
            public init(member: Member) {
                self.member = member
            }
        }
    }
}
