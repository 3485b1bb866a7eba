import Varlink

// MARK: - Methods

extension RiskInterface {
    /// Adds a risk to the register, with status open and revision 1.
    ///
    /// Roles: admin.
    public enum Add: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Add`.
        public static let name = "Add"

        /// The parameters of `org.riskd.risk.Add`: one `NewRisk`, as `Import` takes a list of.
        public typealias Parameters = NewRisk

        /// The reply of `org.riskd.risk.Add`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk as stored.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Returns one risk with its actions and its reviews.
    ///
    /// Roles: admin, board, auditor.
    public enum Get: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Get`.
        public static let name = "Get"

        /// The parameters of `org.riskd.risk.Get`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int

            /// Creates a value from its fields.
            public init(id: Int) {
                self.id = id
            }
        }

        /// The reply of `org.riskd.risk.Get`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk.
            public var risk: Risk
            /// Every action of the risk, cancelled and done ones included.
            public var actions: [Action]
            /// Every review of the risk, oldest first.
            public var reviews: [RiskReview]

            /// Creates a value from its fields.
            public init(risk: Risk, actions: [Action], reviews: [RiskReview]) {
                self.risk = risk
                self.actions = actions
                self.reviews = reviews
            }
        }
    }

    /// Lists risks in id order, one page at a time.
    ///
    /// Roles: admin, board, auditor.
    public enum List: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `List`.
        public static let name = "List"

        /// The parameters of `org.riskd.risk.List`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Statuses to include, from open, mitigating, accepted, closed; `nil`: every status but closed.
            public var status: [String]?
            /// Only risks of this category.
            public var category: String?
            /// Only risks owned by this user name.
            public var owner: String?
            /// Only risks whose current score is at least this, 1..25.
            public var minScore: Int?
            /// true: only risks whose review is overdue today; false: only those not overdue; `nil`: both.
            public var overdue: Bool?
            /// Largest number of risks to return, at most 1000; `nil` means 100.
            public var limit: Int?
            /// Return risks with an id greater than this: the next of the previous page.
            public var after: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                status: [String]? = nil,
                category: String? = nil,
                owner: String? = nil,
                minScore: Int? = nil,
                overdue: Bool? = nil,
                limit: Int? = nil,
                after: Int? = nil
            ) {
                self.status = status
                self.category = category
                self.owner = owner
                self.minScore = minScore
                self.overdue = overdue
                self.limit = limit
                self.after = after
            }
        }

        /// The reply of `org.riskd.risk.List`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risks of this page, in id order.
            public var risks: [Risk]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(risks: [Risk], next: Int? = nil) {
                self.risks = risks
                self.next = next
            }
        }
    }

    /// Changes fields of a risk; a `nil` parameter leaves its field as it is.
    ///
    /// Roles: admin.
    public enum Update: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Update`.
        public static let name = "Update"

        /// The parameters of `org.riskd.risk.Update`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the risk.
            public var id: Int
            /// The revision the caller last saw; a stale one is RevisionMismatch and changes nothing.
            public var ifRevision: Int?
            /// New short name; must not be empty.
            public var title: String?
            /// New description.
            public var description: String?
            /// New category, one of the configured risk.categories.
            public var category: String?
            /// New area.
            public var area: String?
            /// New owner, a user name.
            public var owner: String?
            /// New inherent likelihood, 1..5.
            public var likelihood: Int?
            /// New inherent impact, 1..5.
            public var impact: Int?
            /// New residual likelihood, 1..5.
            public var residualLikelihood: Int?
            /// New residual impact, 1..5.
            public var residualImpact: Int?
            /// New day the next review is due, YYYY-MM-DD; may lie in the past.
            public var nextReviewDue: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                id: Int,
                ifRevision: Int? = nil,
                title: String? = nil,
                description: String? = nil,
                category: String? = nil,
                area: String? = nil,
                owner: String? = nil,
                likelihood: Int? = nil,
                impact: Int? = nil,
                residualLikelihood: Int? = nil,
                residualImpact: Int? = nil,
                nextReviewDue: String? = nil
            ) {
                self.id = id
                self.ifRevision = ifRevision
                self.title = title
                self.description = description
                self.category = category
                self.area = area
                self.owner = owner
                self.likelihood = likelihood
                self.impact = impact
                self.residualLikelihood = residualLikelihood
                self.residualImpact = residualImpact
                self.nextReviewDue = nextReviewDue
            }
        }

        /// The reply of `org.riskd.risk.Update`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The risk after the change.
            public var risk: Risk

            /// Creates a value from its fields.
            public init(risk: Risk) {
                self.risk = risk
            }
        }
    }

    /// Counts the risks that are not closed per likelihood and impact; only cells with risks are returned.
    ///
    /// Roles: admin, board, auditor.
    public enum Matrix: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Matrix`.
        public static let name = "Matrix"

        /// The parameters of `org.riskd.risk.Matrix`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// inherent: place risks by inherent values; current: by residual values when both are set; `nil` means
            /// current.
            public var basis: MatrixBasis?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(basis: MatrixBasis? = nil) {
                self.basis = basis
            }
        }

        /// The reply of `org.riskd.risk.Matrix`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The non-empty cells, in no promised order.
            public var cells: [Cell]

            /// Creates a value from its fields.
            public init(cells: [Cell]) {
                self.cells = cells
            }
        }
    }

    /// Adds many risks in one transaction: all of them or, on any error, none.
    ///
    /// Roles: admin.
    public enum Import: VarlinkMethod {
        /// The interface, `org.riskd.risk`.
        public static let interface = RiskInterface.name
        /// The method name, `Import`.
        public static let name = "Import"

        /// The parameters of `org.riskd.risk.Import`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The risks to add; an error names the bad one by path, e.g. risks[1].likelihood.
            public var risks: [NewRisk]

            /// Creates a value from its fields.
            public init(risks: [NewRisk]) {
                self.risks = risks
            }
        }

        /// The reply of `org.riskd.risk.Import`.
        public struct Reply: Codable, Sendable, Hashable {
            /// Ids of the new risks, in the order of the risks parameter.
            public var ids: [Int]

            /// Creates a value from its fields.
            public init(ids: [Int]) {
                self.ids = ids
            }
        }
    }
}
