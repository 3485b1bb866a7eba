import Varlink

/// The `org.riskd.risk` interface: the risk register, with its mitigating actions and reviews.
///
/// Likelihood and impact are on a 1..5 scale; a score is likelihood times impact, 1..25. Roles: Get, List and Matrix:
/// admin, board, auditor. Review and UpdateAction: admin, or the board member who owns the risk or the action. Add,
/// Update, Accept, Close, Reopen, AddAction and Import: admin.
public enum RiskInterface {
    /// The interface name, `org.riskd.risk`.
    public static let name = "org.riskd.risk"

    /// The IDL text of `org.riskd.risk`, embedded from `IDL/org.riskd.risk.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_risk_varlink) else {
            preconditionFailure("embedded IDL org.riskd.risk has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.risk`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No risk has this id.
        ///
        /// Parameters: `id`.
        public static let noSuchRisk = "org.riskd.risk.NoSuchRisk"

        /// No action has this id.
        ///
        /// Parameters: `id`.
        public static let noSuchAction = "org.riskd.risk.NoSuchAction"

        /// The ifRevision given was stale: the record changed since the caller read it; nothing was changed.
        ///
        /// Parameters: `id`, `revision`.
        public static let revisionMismatch = "org.riskd.risk.RevisionMismatch"

        /// A parameter is well-formed but breaks a rule of the register, e.g. a likelihood of 7; nothing was changed.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.risk.InvalidValue"
    }
}

// MARK: - Enumerations

extension RiskInterface {
    /// The band of a risk's current score.
    ///
    /// The thresholds come from the daemon's configuration; by default a score below 5 is low, below 10 medium, below
    /// 20 high, and 20 to 25 critical.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        /// The lowest band.
        case low
        /// The second band.
        case medium
        /// The third band.
        case high
        /// The highest band.
        case critical
    }

    /// Where a risk stands in its treatment.
    public enum RiskStatus: String, Codable, Sendable, CaseIterable {
        /// Nothing has been done about the risk yet.
        case open
        /// At least one action was added to treat the risk.
        case mitigating
        /// The risk is tolerated as it is until `acceptedUntil`.
        case accepted
        /// The risk is no longer tracked; `closeReason` says why.
        case closed
    }

    /// Where a mitigating action stands.
    public enum ActionStatus: String, Codable, Sendable, CaseIterable {
        /// Still to be done; overdue once `dueOn` has passed.
        case open
        /// Carried out; `completedAt` says when.
        case done
        /// Dropped, by hand or because its risk was closed.
        case cancelled
    }

    /// Why a risk was closed.
    ///
    /// `Risk.closeReason` carries the raw value as a plain string.
    public enum CloseReason: String, Codable, Sendable, CaseIterable {
        /// The risk was treated until it no longer matters.
        case mitigated
        /// The risk no longer applies.
        case retired
        /// The risk was judged not to be one.
        case rejected
        /// The entry was withdrawn.
        case cancelled
        /// The risk is too small to track.
        case insignificant
    }

    /// Which likelihood and impact place a risk in the matrix.
    public enum MatrixBasis: String, Codable, Sendable, CaseIterable {
        /// The inherent likelihood and impact, before mitigation.
        case inherent
        /// The residual likelihood and impact when both are set, else the inherent ones.
        case current
    }
}




