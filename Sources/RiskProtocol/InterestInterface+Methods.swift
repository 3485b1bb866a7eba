import Varlink

// MARK: - Methods

extension InterestInterface {
    /// Declares an interest of the caller.
    ///
    /// Roles: board, for the caller only. A member who already has interests.max_declarations_per_member
    /// declarations on record, ended ones included, gets InvalidValue (field "declarant").
    public enum Declare: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Declare`.
        public static let name = "Declare"

        /// The parameters of `org.riskd.interest.Declare`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// One of financial, employment, governance, funding, family, gift, other; else InvalidValue.
            public var kind: String
            /// Name of the organisation; linked to the registry when it matches.
            public var organisation: String
            /// What the interest is.
            public var description: String
            /// Its worth or amount, as free text.
            public var value: String?
            /// true hides the interest from other board members; `nil` means false.
            public var sensitive: Bool?
            /// Day the interest began, YYYY-MM-DD; more than 28 days ago marks the declaration late.
            public var startedOn: String
            /// Day the interest ended, YYYY-MM-DD, not before startedOn; `nil` while it lasts.
            public var endedOn: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                kind: String,
                organisation: String,
                description: String,
                value: String? = nil,
                sensitive: Bool? = nil,
                startedOn: String,
                endedOn: String? = nil
            ) {
                self.kind = kind
                self.organisation = organisation
                self.description = description
                self.value = value
                self.sensitive = sensitive
                self.startedOn = startedOn
                self.endedOn = endedOn
            }
        }

        /// The reply of `org.riskd.interest.Declare`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interest as stored, with status declared and revision 1.
            public var interest: Interest

            /// Creates a value from its fields.
            public init(interest: Interest) {
                self.interest = interest
            }
        }
    }

    /// Returns one interest.
    ///
    /// Roles: admin, auditor; a board member for their own or, when allowed, a non-sensitive one.
    public enum Get: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Get`.
        public static let name = "Get"

        /// The parameters of `org.riskd.interest.Get`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the interest.
            public var id: Int

            /// Creates a value from its fields.
            public init(id: Int) {
                self.id = id
            }
        }

        /// The reply of `org.riskd.interest.Get`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interest.
            public var interest: Interest

            /// Creates a value from its fields.
            public init(interest: Interest) {
                self.interest = interest
            }
        }
    }

    /// Lists the interests the caller may see, in id order, one page at a time.
    ///
    /// Roles: admin, auditor; a board member sees their own and, when allowed, others' non-sensitive ones.
    /// A page ends after limit interests, or earlier once they would take more than 256 KiB; next continues it.
    public enum List: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `List`.
        public static let name = "List"

        /// The parameters of `org.riskd.interest.List`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Only interests of this user name.
            public var declarant: String?
            /// true: only active interests; false: only ended ones; `nil`: both.
            public var active: Bool?
            /// Only interests whose organisation matches this name.
            public var organisation: String?
            /// Largest number of interests to return, at most 1000; `nil` means 100.
            public var limit: Int?
            /// Return interests with an id greater than this: the next of the previous page.
            public var after: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                declarant: String? = nil,
                active: Bool? = nil,
                organisation: String? = nil,
                limit: Int? = nil,
                after: Int? = nil
            ) {
                self.declarant = declarant
                self.active = active
                self.organisation = organisation
                self.limit = limit
                self.after = after
            }
        }

        /// The reply of `org.riskd.interest.List`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interests of this page, in id order.
            public var interests: [Interest]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(interests: [Interest], next: Int? = nil) {
                self.interests = interests
                self.next = next
            }
        }
    }

    /// Changes fields of an interest; a `nil` parameter leaves its field as it is.
    ///
    /// Roles: admin, or the declarant for their own interest.
    public enum Update: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Update`.
        public static let name = "Update"

        /// The parameters of `org.riskd.interest.Update`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the interest.
            public var id: Int
            /// The revision the caller last saw; a stale one is RevisionMismatch and changes nothing.
            public var ifRevision: Int?
            /// New description.
            public var description: String?
            /// New worth or amount.
            public var value: String?
            /// New sensitivity.
            public var sensitive: Bool?
            /// New day the interest ended, YYYY-MM-DD, not before startedOn.
            public var endedOn: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                id: Int,
                ifRevision: Int? = nil,
                description: String? = nil,
                value: String? = nil,
                sensitive: Bool? = nil,
                endedOn: String? = nil
            ) {
                self.id = id
                self.ifRevision = ifRevision
                self.description = description
                self.value = value
                self.sensitive = sensitive
                self.endedOn = endedOn
            }
        }

        /// The reply of `org.riskd.interest.Update`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interest after the change.
            public var interest: Interest

            /// Creates a value from its fields.
            public init(interest: Interest) {
                self.interest = interest
            }
        }
    }

    /// Ends an interest on a given day.
    ///
    /// Roles: admin, or the declarant for their own interest.
    public enum End: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `End`.
        public static let name = "End"

        /// The parameters of `org.riskd.interest.End`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the interest.
            public var id: Int
            /// Day the interest ended, YYYY-MM-DD, not before startedOn.
            public var endedOn: String

            /// Creates a value from its fields.
            public init(id: Int, endedOn: String) {
                self.id = id
                self.endedOn = endedOn
            }
        }

        /// The reply of `org.riskd.interest.End`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The interest, now ended.
            public var interest: Interest

            /// Creates a value from its fields.
            public init(interest: Interest) {
                self.interest = interest
            }
        }
    }

    /// Confirms that the caller's register of interests is complete as of now.
    ///
    /// Roles: board, for the caller only.
    public enum Confirm: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Confirm`.
        public static let name = "Confirm"

        /// The parameters of `org.riskd.interest.Confirm`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// true: the caller has nothing to declare, InvalidValue while they have active interests; `nil` means
            /// false.
            public var nothingToDeclare: Bool?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(nothingToDeclare: Bool? = nil) {
                self.nothingToDeclare = nothingToDeclare
            }
        }

        /// The reply of `org.riskd.interest.Confirm`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The confirmation as stored.
            public var confirmation: Confirmation

            /// Creates a value from its fields.
            public init(confirmation: Confirmation) {
                self.confirmation = confirmation
            }
        }
    }
}
