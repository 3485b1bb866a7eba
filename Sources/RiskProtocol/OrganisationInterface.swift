import Varlink

/// The `org.riskd.organisation` interface: the registry of organisations that conflict checks match names against.
///
/// Conflict checks match declared interests against this registry. Names and aliases are compared after case and
/// diacritic folding and whitespace and punctuation collapse, and must be unique that way. Roles: Get and List: admin,
/// board, auditor. Add, Update and Import: admin.
public enum OrganisationInterface {
    /// The interface name, `org.riskd.organisation`.
    public static let name = "org.riskd.organisation"

    /// The IDL text of `org.riskd.organisation`, embedded from `IDL/org.riskd.organisation.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_organisation_varlink) else {
            preconditionFailure("embedded IDL org.riskd.organisation has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.organisation`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No organisation has this id.
        ///
        /// Parameters: `id`.
        public static let noSuchOrganisation = "org.riskd.organisation.NoSuchOrganisation"

        /// The name or an alias, once normalised, is already taken by another organisation; nothing was changed.
        ///
        /// Parameters: `name`, `id`.
        public static let duplicateName = "org.riskd.organisation.DuplicateName"

        /// The ifRevision given was stale: the record changed since the caller read it; nothing was changed.
        ///
        /// Parameters: `id`, `revision`.
        public static let revisionMismatch = "org.riskd.organisation.RevisionMismatch"

        /// A parameter is well-formed but breaks a rule of the registry, e.g. an unknown kind; nothing was changed.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.organisation.InvalidValue"
    }
}

// MARK: - Enumerations

extension OrganisationInterface {
    /// What an organisation is to the network.
    ///
    /// `Add`, `Update` and `NewOrganisation` take the kind as a plain string, so that the daemon can answer
    /// `InvalidValue` with a reason; pass `rawValue`.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A member organisation of the network.
        case member
        /// Funds the network or its members.
        case funder
        /// A government body.
        case government
        /// An international or intergovernmental organisation.
        case international
        /// Another network.
        case network
        /// A non-governmental organisation that is not a member.
        case ngo
        /// A business.
        case company
        /// Anything else.
        case other
    }

    /// A low, medium or high rating of an organisation's interest in the network or power over it.
    ///
    /// `Add`, `Update` and `NewOrganisation` take the rating as a plain string; pass `rawValue`.
    public enum Level: String, Codable, Sendable, CaseIterable {
        /// A low rating.
        case low
        /// A medium rating.
        case medium
        /// A high rating.
        case high
    }
}


// MARK: - Types

extension OrganisationInterface {
    /// One organisation of the registry.
    public struct Organisation: Codable, Sendable, Hashable {
        /// Positive id of the organisation.
        public var id: Int
        /// Starts at 1 and grows by 1 with every change; pass it as ifRevision to Update.
        public var revision: Int
        /// The organisation's name as written, e.g. "Open Society Foundations".
        public var name: String
        /// Other names it goes by, e.g. "OSF"; may be empty.
        public var aliases: [String]
        /// What kind of organisation it is to the network.
        public var kind: Kind
        /// How much the organisation cares about the network's work; `nil` when not assessed.
        public var interest: Level?
        /// How much influence the organisation has over the network; `nil` when not assessed.
        public var power: Level?
        /// Free text about the organisation.
        public var note: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            revision: Int,
            name: String,
            aliases: [String],
            kind: Kind,
            interest: Level? = nil,
            power: Level? = nil,
            note: String? = nil
        ) {
            self.id = id
            self.revision = revision
            self.name = name
            self.aliases = aliases
            self.kind = kind
            self.interest = interest
            self.power = power
            self.note = note
        }
    }
    /// A new organisation: the parameters of Add, and one element of Import.
    public struct NewOrganisation: Codable, Sendable, Hashable {
        /// The organisation's name; must not be empty.
        public var name: String
        /// Other names it goes by; `nil` means none.
        public var aliases: [String]?
        /// One of member, funder, government, international, network, ngo, company, other; else InvalidValue.
        public var kind: String
        /// How much it cares about the network's work: low, medium or high; else InvalidValue.
        public var interest: String?
        /// How much influence it has over the network: low, medium or high; else InvalidValue.
        public var power: String?
        /// Free text about the organisation.
        public var note: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            name: String,
            aliases: [String]? = nil,
            kind: String,
            interest: String? = nil,
            power: String? = nil,
            note: String? = nil
        ) {
            self.name = name
            self.aliases = aliases
            self.kind = kind
            self.interest = interest
            self.power = power
            self.note = note
        }
    }
}
