// The hand-written mirror of `Import` and `ImportedInterest` in org.riskd.interest.varlink, kept apart so that
// the generated protocol types can replace it in one piece.

import Varlink

extension InterestInterface {
    /// An existing declaration to enter on a board member's behalf: one element of Import.
    public struct ImportedInterest: Codable, Sendable, Hashable {
        /// User name of the board member who holds the interest; they must hold the board role now.
        public var declarant: String
        /// One of financial, employment, governance, funding, family, gift, other; else InvalidValue.
        public var kind: String
        /// Name of the organisation, as declared.
        public var organisation: String
        /// What the interest is, e.g. "Member of the managing board".
        public var description: String
        /// Its worth or amount, as free text; `nil` when none applies.
        public var value: String?
        /// true: seen only by the declarant, admins and auditors; `nil` means false.
        public var sensitive: Bool?
        /// Day the interest began, YYYY-MM-DD, not in the future.
        public var startedOn: String
        /// Day the interest ended, YYYY-MM-DD, not before it began; `nil` while it lasts.
        public var endedOn: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(declarant: String, kind: String, organisation: String, description: String,
                    value: String? = nil, sensitive: Bool? = nil, startedOn: String, endedOn: String? = nil) {
            self.declarant = declarant
            self.kind = kind
            self.organisation = organisation
            self.description = description
            self.value = value
            self.sensitive = sensitive
            self.startedOn = startedOn
            self.endedOn = endedOn
        }
    }

    /// Enters existing declarations on behalf of board members, all or nothing, each audited as made by the caller
    /// on behalf of its declarant.
    ///
    /// Roles: admin.
    public enum Import: VarlinkMethod {
        /// The interface, `org.riskd.interest`.
        public static let interface = InterestInterface.name
        /// The method name, `Import`.
        public static let name = "Import"

        /// The parameters of `org.riskd.interest.Import`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The declarations, at most 10000.
            public var interests: [ImportedInterest]

            /// Creates a value from its fields.
            public init(interests: [ImportedInterest]) {
                self.interests = interests
            }
        }

        /// The reply of `org.riskd.interest.Import`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The ids given to the declarations, in the order sent.
            public var ids: [Int]

            /// Creates a value from its fields.
            public init(ids: [Int]) {
                self.ids = ids
            }
        }
    }
}
