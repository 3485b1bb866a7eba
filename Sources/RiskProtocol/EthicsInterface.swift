import Varlink

/// The `org.riskd.ethics` interface: the published versions of the ethical code and their acknowledgements.
///
/// Each published version gets the next version number and a sha256: the lowercase hex SHA-256 of its UTF-8 body. Only
/// the current version can be acknowledged, by naming that hash. Roles: Current, Get, Versions and Acknowledge: admin,
/// board, auditor. Publish: admin. Status: admin, auditor.
public enum EthicsInterface {
    /// The interface name, `org.riskd.ethics`.
    public static let name = "org.riskd.ethics"

    /// The IDL text of `org.riskd.ethics`, embedded from `IDL/org.riskd.ethics.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_ethics_varlink) else {
            preconditionFailure("embedded IDL org.riskd.ethics has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.ethics`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// No published version has this number.
        ///
        /// Parameters: `version`.
        public static let noSuchVersion = "org.riskd.ethics.NoSuchVersion"

        /// Only the current version can be acknowledged.
        ///
        /// Parameters: `version`, `current`.
        public static let notCurrent = "org.riskd.ethics.NotCurrent"

        /// The text the caller read is not this version's: the hash differs.
        ///
        /// Parameters: `version`.
        public static let hashMismatch = "org.riskd.ethics.HashMismatch"

        /// A parameter is well-formed but breaks a rule, e.g. an empty body; nothing was changed.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.ethics.InvalidValue"
    }
}



// MARK: - Types

extension EthicsInterface {
    /// One published version of the code, with its full text.
    public struct Code: Codable, Sendable, Hashable {
        /// Version number, 1 for the first published code.
        public var version: Int
        /// Title of the code.
        public var title: String
        /// Full text of the code.
        public var body: String
        /// SHA-256 of the UTF-8 body, lowercase hex; Acknowledge must name it.
        public var sha256: String
        /// When this version was published, RFC 3339 UTC.
        public var publishedAt: String
        /// User name of the admin who published it.
        public var publishedBy: String

        /// Creates a value from its fields.
        public init(
            version: Int,
            title: String,
            body: String,
            sha256: String,
            publishedAt: String,
            publishedBy: String
        ) {
            self.version = version
            self.title = title
            self.body = body
            self.sha256 = sha256
            self.publishedAt = publishedAt
            self.publishedBy = publishedBy
        }
    }
    /// One published version of the code, without its text.
    public struct CodeSummary: Codable, Sendable, Hashable {
        /// Version number.
        public var version: Int
        /// Title of the code.
        public var title: String
        /// SHA-256 of the UTF-8 body, lowercase hex.
        public var sha256: String
        /// When this version was published, RFC 3339 UTC.
        public var publishedAt: String

        /// Creates a value from its fields.
        public init(version: Int, title: String, sha256: String, publishedAt: String) {
            self.version = version
            self.title = title
            self.sha256 = sha256
            self.publishedAt = publishedAt
        }
    }
    /// A user's statement that they read a version of the code.
    public struct Acknowledgement: Codable, Sendable, Hashable {
        /// User name of who acknowledged.
        public var user: String
        /// The acknowledged version.
        public var version: Int
        /// SHA-256 of the acknowledged body, lowercase hex.
        public var sha256: String
        /// When the acknowledgement was made, RFC 3339 UTC.
        public var acknowledgedAt: String

        /// Creates a value from its fields.
        public init(user: String, version: Int, sha256: String, acknowledgedAt: String) {
            self.user = user
            self.version = version
            self.sha256 = sha256
            self.acknowledgedAt = acknowledgedAt
        }
    }
}

// MARK: - Methods

extension EthicsInterface {
    /// Publishes a new version of the code, numbered the previous version plus 1; it becomes current.
    ///
    /// Roles: admin.
    public enum Publish: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Publish`.
        public static let name = "Publish"

        /// The parameters of `org.riskd.ethics.Publish`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Title of the code; must not be empty.
            public var title: String
            /// Full text of the code; must not be empty.
            public var body: String

            /// Creates a value from its fields.
            public init(title: String, body: String) {
                self.title = title
                self.body = body
            }
        }

        /// The reply of `org.riskd.ethics.Publish`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The published version.
            public var code: Code

            /// Creates a value from its fields.
            public init(code: Code) {
                self.code = code
            }
        }
    }

    /// Returns the current version of the code.
    ///
    /// Roles: admin, board, auditor.
    public enum Current: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Current`.
        public static let name = "Current"

        /// `Current` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.ethics.Current`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The latest published version; `nil` before anything was published.
            public var code: Code?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(code: Code? = nil) {
                self.code = code
            }
        }
    }

    /// Returns one published version of the code.
    ///
    /// Roles: admin, board, auditor.
    public enum Get: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Get`.
        public static let name = "Get"

        /// The parameters of `org.riskd.ethics.Get`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Version number.
            public var version: Int

            /// Creates a value from its fields.
            public init(version: Int) {
                self.version = version
            }
        }

        /// The reply of `org.riskd.ethics.Get`.
        public struct Reply: Codable, Sendable, Hashable {
            /// That version.
            public var code: Code

            /// Creates a value from its fields.
            public init(code: Code) {
                self.code = code
            }
        }
    }

    /// Lists every published version of the code, oldest first.
    ///
    /// Roles: admin, board, auditor.
    public enum Versions: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Versions`.
        public static let name = "Versions"

        /// `Versions` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.ethics.Versions`.
        public struct Reply: Codable, Sendable, Hashable {
            /// One summary per published version.
            public var codes: [CodeSummary]

            /// Creates a value from its fields.
            public init(codes: [CodeSummary]) {
                self.codes = codes
            }
        }
    }

    /// Records that the caller read the current version of the code.
    ///
    /// Roles: admin, board, auditor.
    public enum Acknowledge: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Acknowledge`.
        public static let name = "Acknowledge"

        /// The parameters of `org.riskd.ethics.Acknowledge`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// The version the caller read; it must be the current one, else NotCurrent.
            public var version: Int
            /// SHA-256 of the text the caller read, lowercase hex; it must match that version's, else HashMismatch.
            public var sha256: String

            /// Creates a value from its fields.
            public init(version: Int, sha256: String) {
                self.version = version
                self.sha256 = sha256
            }
        }

        /// The reply of `org.riskd.ethics.Acknowledge`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The acknowledgement as stored.
            public var acknowledgement: Acknowledgement

            /// Creates a value from its fields.
            public init(acknowledgement: Acknowledgement) {
                self.acknowledgement = acknowledgement
            }
        }
    }

    /// Shows who acknowledged the current version of the code and which board members have not.
    ///
    /// Roles: admin, auditor.
    public enum Status: VarlinkMethod {
        /// The interface, `org.riskd.ethics`.
        public static let interface = EthicsInterface.name
        /// The method name, `Status`.
        public static let name = "Status"

        /// `Status` takes no parameters.
        public typealias Parameters = NoParameters

        /// The reply of `org.riskd.ethics.Status`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The current version; `nil` before anything was published.
            public var version: Int?
            /// The acknowledgements of the current version.
            public var acknowledged: [Acknowledgement]
            /// User names of the board members who have not acknowledged the current version.
            public var pending: [String]

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(version: Int? = nil, acknowledged: [Acknowledgement], pending: [String]) {
                self.version = version
                self.acknowledged = acknowledged
                self.pending = pending
            }
        }
    }
}
