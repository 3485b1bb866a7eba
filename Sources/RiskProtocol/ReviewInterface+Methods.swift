import Varlink

// MARK: - Methods

extension ReviewInterface {
    /// Runs a review now, as the daily run would.
    ///
    /// Roles: admin.
    public enum Run: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Run`.
        public static let name = "Run"

        /// `Run` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.review.Run`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The run that was made.
            public var run: ReviewRun
            /// The findings that are open after the run.
            public var findings: [Finding]

            /// Creates a value from its fields.
            public init(run: ReviewRun, findings: [Finding]) {
                self.run = run
                self.findings = findings
            }
        }
    }

    /// Evaluates the rules as of a given time, storing and alerting nothing.
    ///
    /// Roles: admin, auditor.
    public enum Preview: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Preview`.
        public static let name = "Preview"

        /// The parameters of `org.riskd.review.Preview`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The time to evaluate at, RFC 3339 UTC, e.g. the day of a meeting; may lie in the future.
            public var asOf: String

            /// Creates a value from its fields.
            public init(asOf: String) {
                self.asOf = asOf
            }
        }

        /// The reply of `org.riskd.review.Preview`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The findings that would be open at asOf; one not stored yet has id 0.
            public var findings: [Finding]

            /// Creates a value from its fields.
            public init(findings: [Finding]) {
                self.findings = findings
            }
        }
    }

    /// Lists stored findings in id order, one page at a time.
    ///
    /// Roles: admin, auditor.
    public enum Findings: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Findings`.
        public static let name = "Findings"

        /// The parameters of `org.riskd.review.Findings`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// true: only open findings; false: only resolved ones; `nil`: both.
            public var open: Bool?
            /// Only findings of this rule, e.g. "action-overdue".
            public var rule: String?
            /// Only findings about this subject, e.g. "risk:12".
            public var subject: String?
            /// Largest number of findings to return, at most 1000; `nil` means 100.
            public var limit: Int?
            /// Return findings with an id greater than this: the next of the previous page.
            public var after: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(
                open: Bool? = nil,
                rule: String? = nil,
                subject: String? = nil,
                limit: Int? = nil,
                after: Int? = nil
            ) {
                self.open = open
                self.rule = rule
                self.subject = subject
                self.limit = limit
                self.after = after
            }
        }

        /// The reply of `org.riskd.review.Findings`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The findings of this page, in id order.
            public var findings: [Finding]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(findings: [Finding], next: Int? = nil) {
                self.findings = findings
                self.next = next
            }
        }
    }

    /// Acknowledges a finding: it stays open but is no longer reminded of.
    ///
    /// Roles: admin.
    public enum Acknowledge: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Acknowledge`.
        public static let name = "Acknowledge"

        /// The parameters of `org.riskd.review.Acknowledge`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Id of the finding.
            public var id: Int
            /// Why it is acknowledged, e.g. what is being done about it.
            public var note: String

            /// Creates a value from its fields.
            public init(id: Int, note: String) {
                self.id = id
                self.note = note
            }
        }

        /// The reply of `org.riskd.review.Acknowledge`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The finding after the acknowledgement.
            public var finding: Finding

            /// Creates a value from its fields.
            public init(finding: Finding) {
                self.finding = finding
            }
        }
    }

    /// Lists the latest review runs, newest first.
    ///
    /// Roles: admin, auditor.
    public enum Runs: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Runs`.
        public static let name = "Runs"

        /// The parameters of `org.riskd.review.Runs`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Largest number of runs to return, at most 1000; `nil` means 100.
            public var limit: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(limit: Int? = nil) {
                self.limit = limit
            }
        }

        /// The reply of `org.riskd.review.Runs`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The runs, newest first.
            public var runs: [ReviewRun]

            /// Creates a value from its fields.
            public init(runs: [ReviewRun]) {
                self.runs = runs
            }
        }
    }

    /// Streams finding events as they happen; must be called with more, else ExpectedMore.
    ///
    /// Roles: admin, auditor. The stream ends when the caller hangs up.
    public enum Watch: VarlinkMethod {
        /// The interface, `org.riskd.review`.
        public static let interface = ReviewInterface.name
        /// The method name, `Watch`.
        public static let name = "Watch"

        /// `Watch` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.review.Watch`.
        public struct Reply: Codable, Sendable, Hashable {
            /// raised: a finding was raised; resolved: it cleared; reminded: a reminder went to the journal.
            public var event: Event
            /// The finding the event is about.
            public var finding: Finding

            /// Creates a value from its fields.
            public init(event: Event, finding: Finding) {
                self.event = event
                self.finding = finding
            }
        }
    }
}
