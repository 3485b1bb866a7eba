import Varlink

/// The `org.riskd.audit` interface: the hash-chained audit trail.
///
/// Each entry's hash is SHA-256 over the previous entry's hash and the entry itself, so rewriting history breaks the
/// chain from that entry on. Personal free text of declarations is recorded as an HMAC and large text as its SHA-256,
/// never as text. Roles: Log and Verify: admin, auditor.
public enum AuditInterface {
    /// The interface name, `org.riskd.audit`.
    public static let name = "org.riskd.audit"

    /// The IDL text of `org.riskd.audit`, embedded from `IDL/org.riskd.audit.varlink`, as served by
    /// `GetInterfaceDescription`.
    public static let definition: VarlinkInterfaceDefinition = {
        guard let definition = VarlinkInterfaceDefinition(utf8: PackageResources.org_riskd_audit_varlink) else {
            preconditionFailure("embedded IDL org.riskd.audit has no interface line")
        }
        return definition
    }()

    /// Fully-qualified names of the errors of `org.riskd.audit`.
    ///
    /// Their parameters are documented in the IDL; `RiskDaemon` builds the replies in one place.
    public enum Errors {
        /// A parameter is well-formed but out of range, e.g. a limit of 0 or a head that is not 64 hex digits;
        /// nothing was read.
        ///
        /// Parameters: `field`, `reason`.
        public static let invalidValue = "org.riskd.audit.InvalidValue"
    }
}

// MARK: - Types

extension AuditInterface {
    /// One recorded change.
    public struct Entry: Codable, Sendable, Hashable {
        /// Sequence number, 1 for the first entry, with no gaps.
        public var seq: Int
        /// When the change was committed, RFC 3339 UTC.
        public var at: String
        /// User name of who made the change.
        public var actor: String
        /// Numeric user id of the actor.
        public var uid: Int
        /// Name of the method that made the change.
        public var method: String
        /// The record changed, e.g. "risk:12"; `nil` when the change has no single subject.
        public var subject: String?
        /// What changed, as recorded for the audit; personal free text appears only as its HMAC, large text as its
        /// SHA-256.
        public var detail: String
        /// SHA-256 of the previous entry's hash and this entry, lowercase hex.
        public var hash: String

        /// Creates a value from its fields; optional ones default to `nil`.
        public init(
            seq: Int,
            at: String,
            actor: String,
            uid: Int,
            method: String,
            subject: String? = nil,
            detail: String,
            hash: String
        ) {
            self.seq = seq
            self.at = at
            self.actor = actor
            self.uid = uid
            self.method = method
            self.subject = subject
            self.detail = detail
            self.hash = hash
        }
    }
}

// MARK: - Methods

extension AuditInterface {
    /// Lists audit entries in sequence order, one page at a time.
    ///
    /// Roles: admin, auditor.
    public enum Log: VarlinkMethod {
        /// The interface, `org.riskd.audit`.
        public static let interface = AuditInterface.name
        /// The method name, `Log`.
        public static let name = "Log"

        /// The parameters of `org.riskd.audit.Log`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// Only entries about this subject, e.g. "risk:12".
            public var subject: String?
            /// Return entries with a seq greater than this: the next of the previous page.
            public var after: Int?
            /// Largest number of entries to return, at most 1000; `nil` means 100.
            public var limit: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(subject: String? = nil, after: Int? = nil, limit: Int? = nil) {
                self.subject = subject
                self.after = after
                self.limit = limit
            }
        }

        /// The reply of `org.riskd.audit.Log`.
        public struct Reply: Codable, Sendable, Hashable {
            /// The entries of this page, in seq order.
            public var entries: [Entry]
            /// Pass as after to get the next page; `nil` on the last page.
            public var next: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(entries: [Entry], next: Int? = nil) {
                self.entries = entries
                self.next = next
            }
        }
    }

    /// Recomputes the whole hash chain and says whether it holds, and whether it still holds a head known from
    /// outside the database: a hash cannot tell a removed tail, so the chain must hold that entry too.
    ///
    /// Roles: admin, auditor.
    public enum Verify: VarlinkMethod {
        /// The interface, `org.riskd.audit`.
        public static let interface = AuditInterface.name
        /// The method name, `Verify`.
        public static let name = "Verify"

        /// The parameters of `org.riskd.audit.Verify`.
        public struct Parameters: Codable, Sendable, Hashable {
            /// A head printed earlier (in a board pack, a review run's journal summary, an auditor's notes); `nil`
            /// compares with the last head riskd recorded beside the database instead.
            public var head: String?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(head: String? = nil) {
                self.head = head
            }
        }

        /// The reply of `org.riskd.audit.Verify`.
        public struct Reply: Codable, Sendable, Hashable {
            /// true when every entry's hash matches and the chain still holds the head given, or the one recorded.
            public var ok: Bool
            /// Number of entries checked.
            public var entries: Int
            /// Hash of the last entry, lowercase hex; the journal gets it after every review run.
            public var head: String
            /// seq of the first entry whose hash does not match; for a chain that does not hold the head it was
            /// compared with, the seq after its last entry (the first one missing); `nil` when ok.
            public var firstBadSeq: Int?

            /// Creates a value from its fields; optional ones default to `nil`.
            public init(ok: Bool, entries: Int, head: String, firstBadSeq: Int? = nil) {
                self.ok = ok
                self.entries = entries
                self.head = head
                self.firstBadSeq = firstBadSeq
            }
        }
    }
}
