import Varlink

/// The `org.riskd.interest` interface: board members' declared interests, their confirmations, and conflict checks.
///
/// Roles: Declare and Confirm: board, for the caller only. Update and End: admin, or the board member for their own
/// records. Get, List and Checks: admin and auditor see everything; a board member sees their own records, and others'
/// entries that are not sensitive when interests.board_sees_register is set; someone else's sensitive interest is left
/// out of lists and its Get is PermissionDenied. Manage: admin. Check: admin, board.
public enum InterestInterface {
    /// The interface name, `org.riskd.interest`.
    public static let name = "org.riskd.interest"

    /// The IDL text of `org.riskd.interest`, embedded from `IDL/org.riskd.interest.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_interest_varlink) else {
            preconditionFailure("embedded IDL org.riskd.interest has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.interest`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No interest has this id.
        ///
        /// Parameters: `id`.
        public static let noSuchInterest = "org.riskd.interest.NoSuchInterest"

        /// The ifRevision given was stale: the record changed since the caller read it; nothing was changed.
        ///
        /// Parameters: `id`, `revision`.
        public static let revisionMismatch = "org.riskd.interest.RevisionMismatch"

        /// A parameter is well-formed but breaks a rule of the register, e.g. an end before the start; nothing was
        /// changed.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.interest.InvalidValue"
    }
}

// MARK: - Enumerations

extension InterestInterface {
    /// What ties a declarant to an organisation.
    ///
    /// `Declare` takes the kind as a plain string, so that the daemon can answer `InvalidValue` with a reason; pass
    /// `rawValue`. `Conflict.kind` is a string too: it may read `withheld`.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Shares, loans or other money ties.
        case financial
        /// A job or paid work.
        case employment
        /// A seat on a board or another governing body.
        case governance
        /// Funding received from or given to the organisation.
        case funding
        /// A relative or partner is tied to the organisation.
        case family
        /// A gift or hospitality received.
        case gift
        /// Any other tie.
        case other
    }

    /// Where a declared interest stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// No management plan is recorded yet.
        case declared
        /// An administrator recorded a management plan.
        case managed
        /// The interest has ended.
        case ended
    }

    /// How a checked organisation name matched a declared one.
    public enum Match: String, Codable, Sendable, CaseIterable {
        /// The names are equal after case, diacritic, punctuation and whitespace folding.
        case exact
        /// The names matched through an alias in the organisation registry.
        case alias
        /// Every word of the shorter name occurs in the other; a person should look.
        case possible
    }
}




// MARK: - Types

extension InterestInterface {
    /// One declared interest.
    public struct Interest: Codable, Sendable, Hashable {
        /// Positive id of the interest; riskctl shows it as I-<id>.
        public var id: Int
        /// Starts at 1 and grows by 1 with every change; pass it as ifRevision to Update or Manage.
        public var revision: Int
        /// User name of the board member who declared it.
        public var declarant: String
        /// What ties the declarant to the organisation.
        public var kind: Kind
        /// Name of the organisation, as declared.
        public var organisation: String
        /// Id of the organisation in the registry when the name matches it; `nil` otherwise.
        public var organisationId: Int?
        /// What the interest is, e.g. "Member of the managing board".
        public var description: String
        /// Its worth or amount, as free text; `nil` when none applies.
        public var value: String?
        /// true: seen only by the declarant, admins and auditors.
        public var sensitive: Bool
        /// Day the interest began, YYYY-MM-DD.
        public var startedOn: String
        /// Day the interest ended, YYYY-MM-DD; it is active while this is `nil` or not before today.
        public var endedOn: String?
        /// When it was declared, RFC 3339 UTC.
        public var declaredAt: String
        /// true when it was declared more than 28 days after it began.
        public var late: Bool
        /// declared: no management plan yet; managed: a management plan is recorded; ended: the interest has ended.
        public var status: Status
        /// How the conflict is handled, e.g. "Leaves the room for the item"; `nil` until Manage.
        public var managementPlan: String?
        /// User name of the admin who recorded the plan; `nil` until Manage.
        public var managedBy: String?
        /// When the plan was recorded, RFC 3339 UTC; `nil` until Manage.
        public var managedAt: String?

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            id: Int,
            revision: Int,
            declarant: String,
            kind: Kind,
            organisation: String,
            organisationId: Int? = nil,
            description: String,
            value: String? = nil,
            sensitive: Bool,
            startedOn: String,
            endedOn: String? = nil,
            declaredAt: String,
            late: Bool,
            status: Status,
            managementPlan: String? = nil,
            managedBy: String? = nil,
            managedAt: String? = nil
        ) {
            self.id = id
            self.revision = revision
            self.declarant = declarant
            self.kind = kind
            self.organisation = organisation
            self.organisationId = organisationId
            self.description = description
            self.value = value
            self.sensitive = sensitive
            self.startedOn = startedOn
            self.endedOn = endedOn
            self.declaredAt = declaredAt
            self.late = late
            self.status = status
            self.managementPlan = managementPlan
            self.managedBy = managedBy
            self.managedAt = managedAt
        }
    }
    /// A board member's confirmation that their register of interests is complete.
    public struct Confirmation: Codable, Sendable, Hashable {
        /// User name of the confirming board member.
        public var declarant: String
        /// When the confirmation was made, RFC 3339 UTC.
        public var confirmedAt: String
        /// true when the member confirmed having nothing to declare.
        public var nothingToDeclare: Bool

        /// Creates a value from its fields.
        public init(declarant: String, confirmedAt: String, nothingToDeclare: Bool) {
            self.declarant = declarant
            self.confirmedAt = confirmedAt
            self.nothingToDeclare = nothingToDeclare
        }
    }
    /// A declared interest that ties a board member to an organisation named in a check.
    public struct Conflict: Codable, Sendable, Hashable {
        /// User name of the board member who has to step out.
        public var declarant: String
        /// Id of the interest; 0 when withheld.
        public var interestId: Int
        /// The interest's kind, or "withheld" for another member's interest that the register hides from a board
        /// member (interests.board_sees_register false); another member's sensitive interest is omitted instead.
        public var kind: String
        /// Name of the organisation as declared; when withheld, the name that was asked.
        public var organisation: String
        /// exact: same name after folding; alias: through a registry alias; possible: all words of the shorter name.
        public var match: Match

        /// Creates a value from its fields.
        public init(declarant: String, interestId: Int, kind: String, organisation: String, match: Match) {
            self.declarant = declarant
            self.interestId = interestId
            self.kind = kind
            self.organisation = organisation
            self.match = match
        }
    }
    /// A stored conflict check, kept for the minutes.
    public struct ConflictCheck: Codable, Sendable, Hashable {
        /// Positive id of the check; riskctl shows it as C-<id>.
        public var id: Int
        /// When the check ran, RFC 3339 UTC.
        public var at: String
        /// User name of the caller who ran it.
        public var by: String
        /// The matter to be decided, e.g. "Call WBF-2027 partners".
        public var matter: String
        /// The organisation names that were asked, as given.
        public var organisations: [String]
        /// The conflicts found; empty when there are none.
        public var conflicts: [Conflict]

        /// Creates a value from its fields.
        public init(id: Int, at: String, by: String, matter: String, organisations: [String], conflicts: [Conflict]) {
            self.id = id
            self.at = at
            self.by = by
            self.matter = matter
            self.organisations = organisations
            self.conflicts = conflicts
        }
    }
}
