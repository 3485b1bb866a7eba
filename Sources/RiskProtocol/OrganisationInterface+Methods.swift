import Varlink

// MARK: - Methods

extension OrganisationInterface {
    /// Adds an organisation to the registry, with revision 1.
    ///
    /// Roles: admin.
    public enum Add: VarlinkMethod {
        /// The interface, `org.riskd.organisation`.
        public static let interface = OrganisationInterface.name
        /// The method name, `Add`.
        public static let name = "Add"

        /// The parameters of `org.riskd.organisation.Add`: one `NewOrganisation`, as `Import` takes a list of.
        public typealias Parameters = NewOrganisation

        /// The reply of `org.riskd.organisation.Add`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The organisation as stored.
            public var organisation: Organisation

            /// Creates a value from its fields.
            public init(organisation: Organisation) {
                self.organisation = organisation
            }
        }
    }

    /// Returns one organisation.
    ///
    /// Roles: admin, board, auditor.
    public enum Get: VarlinkMethod {
        /// The interface, `org.riskd.organisation`.
        public static let interface = OrganisationInterface.name
        /// The method name, `Get`.
        public static let name = "Get"

        /// The parameters of `org.riskd.organisation.Get`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the organisation.
            public var id: Int

            /// Creates a value from its fields.
            public init(id: Int) {
                self.id = id
            }
        }

        /// The reply of `org.riskd.organisation.Get`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The organisation.
            public var organisation: Organisation

            /// Creates a value from its fields.
            public init(organisation: Organisation) {
                self.organisation = organisation
            }
        }
    }

    /// Lists organisations in id order, one page at a time.
    ///
    /// Roles: admin, board, auditor.
    public enum List: VarlinkMethod {
        /// The interface, `org.riskd.organisation`.
        public static let interface = OrganisationInterface.name
        /// The method name, `List`.
        public static let name = "List"

        /// The parameters of `org.riskd.organisation.List`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Only organisations of this kind, e.g. "funder".
            public var kind: String?
            /// Only organisations whose name or an alias matches this text.
            public var query: String?
            /// Largest number of organisations to return, at most 1000; `nil` means 100.
            public var limit: Int?
            /// Return organisations with an id greater than this: the next of the previous page.
            public var after: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(kind: String? = nil, query: String? = nil, limit: Int? = nil, after: Int? = nil) {
                self.kind = kind
                self.query = query
                self.limit = limit
                self.after = after
            }
        }

        /// The reply of `org.riskd.organisation.List`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The organisations of this page, in id order.
            public var organisations: [Organisation]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(organisations: [Organisation], next: Int? = nil) {
                self.organisations = organisations
                self.next = next
            }
        }
    }

    /// Changes fields of an organisation; a `nil` parameter leaves its field as it is.
    ///
    /// Roles: admin.
    public enum Update: VarlinkMethod {
        /// The interface, `org.riskd.organisation`.
        public static let interface = OrganisationInterface.name
        /// The method name, `Update`.
        public static let name = "Update"

        /// The parameters of `org.riskd.organisation.Update`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the organisation.
            public var id: Int
            /// The revision the caller last saw; a stale one is RevisionMismatch and changes nothing.
            public var ifRevision: Int?
            /// New name; must not be empty.
            public var name: String?
            /// New aliases, replacing all the old ones.
            public var aliases: [String]?
            /// New kind, one of member, funder, government, international, network, ngo, company, other.
            public var kind: String?
            /// New interest: low, medium or high.
            public var interest: String?
            /// New power: low, medium or high.
            public var power: String?
            /// New note.
            public var note: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                id: Int,
                ifRevision: Int? = nil,
                name: String? = nil,
                aliases: [String]? = nil,
                kind: String? = nil,
                interest: String? = nil,
                power: String? = nil,
                note: String? = nil
            ) {
                self.id = id
                self.ifRevision = ifRevision
                self.name = name
                self.aliases = aliases
                self.kind = kind
                self.interest = interest
                self.power = power
                self.note = note
            }
        }

        /// The reply of `org.riskd.organisation.Update`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The organisation after the change.
            public var organisation: Organisation

            /// Creates a value from its fields.
            public init(organisation: Organisation) {
                self.organisation = organisation
            }
        }
    }

    /// Adds many organisations in one transaction: all of them or, on any error, none.
    ///
    /// Roles: admin.
    public enum Import: VarlinkMethod {
        /// The interface, `org.riskd.organisation`.
        public static let interface = OrganisationInterface.name
        /// The method name, `Import`.
        public static let name = "Import"

        /// The parameters of `org.riskd.organisation.Import`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The organisations to add; an error names the bad one by path, e.g. organisations[2].kind.
            public var organisations: [NewOrganisation]

            /// Creates a value from its fields.
            public init(organisations: [NewOrganisation]) {
                self.organisations = organisations
            }
        }

        /// The reply of `org.riskd.organisation.Import`.
        public struct Reply: Codable, Sendable, Hashable {
            /// Ids of the new organisations, in the order of the organisations parameter.
            public var ids: [Int]

            /// Creates a value from its fields.
            public init(ids: [Int]) {
                self.ids = ids
            }
        }
    }
}
