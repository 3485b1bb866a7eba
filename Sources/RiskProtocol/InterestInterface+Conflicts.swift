import Varlink

// MARK: - Methods: Conflicts

extension InterestInterface {
    /// Records how the conflicts of an interest are managed, e.g. a recusal.
    ///
    /// Roles: admin.
    public enum Manage: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Manage`.
        public static let name = "Manage"

        /// The parameters of `org.riskd.interest.Manage`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the interest.
            public var id: Int
            /// The revision the caller last saw; a stale one is RevisionMismatch and changes nothing.
            public var ifRevision: Int?
            /// The management plan, e.g. "Leaves the room for item 4; receives no papers on it".
            public var plan: String

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(id: Int, ifRevision: Int? = nil, plan: String) {
                self.id = id
                self.ifRevision = ifRevision
                self.plan = plan
            }
        }

        /// The reply of `org.riskd.interest.Manage`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interest, now managed.
            public var interest: Interest

            /// Creates a value from its fields.
            public init(interest: Interest) {
                self.interest = interest
            }
        }
    }

    /// Checks organisations against the active interests of the board and stores the check for the minutes.
    ///
    /// Roles: admin, board. A board member's reply omits conflicts from other members' sensitive interests.
    public enum Check: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Check`.
        public static let name = "Check"

        /// The parameters of `org.riskd.interest.Check`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The organisation names the decision concerns, at most interests.max_organisations_per_check.
            public var organisations: [String]
            /// The matter to be decided, e.g. an agenda item.
            public var matter: String

            /// Creates a value from its fields.
            public init(organisations: [String], matter: String) {
                self.organisations = organisations
                self.matter = matter
            }
        }

        /// The reply of `org.riskd.interest.Check`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The stored check with the conflicts found.
            public var check: ConflictCheck

            /// Creates a value from its fields.
            public init(check: ConflictCheck) {
                self.check = check
            }
        }
    }

    /// Lists stored conflict checks, in id order, one page at a time.
    ///
    /// Roles: admin and auditor see every check; a board member sees the checks they ran, and the others' when
    /// interests.board_sees_register is set, without conflicts from others' sensitive interests. A page ends after
    /// limit checks, or earlier once its checks would take more than 256 KiB; next then continues it.
    public enum Checks: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Checks`.
        public static let name = "Checks"

        /// The parameters of `org.riskd.interest.Checks`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Largest number of checks to return, at most 1000; `nil` means 100.
            public var limit: Int?
            /// Return checks with an id greater than this: the next of the previous page.
            public var after: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(limit: Int? = nil, after: Int? = nil) {
                self.limit = limit
                self.after = after
            }
        }

        /// The reply of `org.riskd.interest.Checks`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The checks of this page, in id order.
            public var checks: [ConflictCheck]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(checks: [ConflictCheck], next: Int? = nil) {
                self.checks = checks
                self.next = next
            }
        }
    }
}
