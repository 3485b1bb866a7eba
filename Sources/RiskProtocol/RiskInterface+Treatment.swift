import Varlink

// MARK: - Methods: Treatment

extension RiskInterface {
    /// Records a review of a risk, optionally reassessing it, and moves nextReviewDue on by the severity band.
    ///
    /// Roles: admin, or the board member who owns the risk.
    public enum Review: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Review`.
        public static let name = "Review"

        /// The parameters of `org.riskd.risk.Review`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int
            /// What the reviewer found.
            public var note: String
            /// New inherent likelihood, 1..5; `nil` keeps the current one.
            public var likelihood: Int?
            /// New inherent impact, 1..5; `nil` keeps the current one.
            public var impact: Int?
            /// New residual likelihood, 1..5; `nil` keeps the current one.
            public var residualLikelihood: Int?
            /// New residual impact, 1..5; `nil` keeps the current one.
            public var residualImpact: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                id: Int,
                note: String,
                likelihood: Int? = nil,
                impact: Int? = nil,
                residualLikelihood: Int? = nil,
                residualImpact: Int? = nil
            ) {
                self.id = id
                self.note = note
                self.likelihood = likelihood
                self.impact = impact
                self.residualLikelihood = residualLikelihood
                self.residualImpact = residualImpact
            }
        }

        /// The reply of `org.riskd.risk.Review`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk after the review.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Accepts a risk: it is tolerated as it is until a given day.
    ///
    /// Roles: admin.
    public enum Accept: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Accept`.
        public static let name = "Accept"

        /// The parameters of `org.riskd.risk.Accept`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int
            /// Last day the risk is tolerated, YYYY-MM-DD; once it has passed the review flags the acceptance as
            /// expired.
            public var until: String
            /// Why the risk is accepted.
            public var note: String

            /// Creates a value from its fields.
            public init(id: Int, until: String, note: String) {
                self.id = id
                self.until = until
                self.note = note
            }
        }

        /// The reply of `org.riskd.risk.Accept`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk, now with status accepted.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Closes a risk and cancels its open actions.
    ///
    /// Roles: admin.
    public enum Close: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Close`.
        public static let name = "Close"

        /// The parameters of `org.riskd.risk.Close`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int
            /// Why the risk is closed.
            public var reason: CloseReason
            /// A longer explanation.
            public var note: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(id: Int, reason: CloseReason, note: String? = nil) {
                self.id = id
                self.reason = reason
                self.note = note
            }
        }

        /// The reply of `org.riskd.risk.Close`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk, now with status closed.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Reopens a closed risk so that it is treated again.
    ///
    /// Roles: admin.
    public enum Reopen: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Reopen`.
        public static let name = "Reopen"

        /// The parameters of `org.riskd.risk.Reopen`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int
            /// Why the risk is reopened.
            public var note: String

            /// Creates a value from its fields.
            public init(id: Int, note: String) {
                self.id = id
                self.note = note
            }
        }

        /// The reply of `org.riskd.risk.Reopen`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk, now with status open.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Adds a mitigating action to a risk; a risk that is open becomes mitigating.
    ///
    /// Roles: admin.
    public enum AddAction: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `AddAction`.
        public static let name = "AddAction"

        /// The parameters of `org.riskd.risk.AddAction`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk the action mitigates.
            public var riskId: Int
            /// What is to be done.
            public var description: String
            /// User name of the person who carries the action out.
            public var owner: String
            /// Day the action is due, YYYY-MM-DD.
            public var dueOn: String

            /// Creates a value from its fields.
            public init(riskId: Int, description: String, owner: String, dueOn: String) {
                self.riskId = riskId
                self.description = description
                self.owner = owner
                self.dueOn = dueOn
            }
        }

        /// The reply of `org.riskd.risk.AddAction`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The action as stored, with status open and revision 1.
            public var action: Action

            /// Creates a value from its fields.
            public init(action: Action) {
                self.action = action
            }
        }
    }

    /// Changes an action; a `nil` parameter leaves its field as it is.
    ///
    /// Roles: admin, or the board member who owns the action.
    public enum UpdateAction: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `UpdateAction`.
        public static let name = "UpdateAction"

        /// The parameters of `org.riskd.risk.UpdateAction`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the action.
            public var id: Int
            /// The revision the caller last saw; a stale one is RevisionMismatch and changes nothing.
            public var ifRevision: Int?
            /// New status; done sets completedAt.
            public var status: ActionStatus?
            /// New day the action is due, YYYY-MM-DD.
            public var dueOn: String?
            /// New owner, a user name.
            public var owner: String?
            /// Why the action changed; recorded with the change in the audit log.
            public var note: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                id: Int,
                ifRevision: Int? = nil,
                status: ActionStatus? = nil,
                dueOn: String? = nil,
                owner: String? = nil,
                note: String? = nil
            ) {
                self.id = id
                self.ifRevision = ifRevision
                self.status = status
                self.dueOn = dueOn
                self.owner = owner
                self.note = note
            }
        }

        /// The reply of `org.riskd.risk.UpdateAction`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The action after the change.
            public var action: Action

            /// Creates a value from its fields.
            public init(action: Action) {
                self.action = action
            }
        }
    }
}
