/// One published version of the ethical code.
///
/// Versions are numbered 1, 2, 3…; the highest is the current one. `sha256` is the lowercase hex SHA-256 of the
/// UTF-8 `body`, computed by the store (the core holds no cryptography): a member acknowledges a version by naming
/// it, which proves which text they read.
public struct EthicsCode: Sendable, Hashable {
    public var version: Int
    public var title: String
    public var body: String
    public var sha256: String
    public var publishedAt: Instant
    /// The user name of the administrator who published it.
    public var publishedBy: String

    public init(
        version: Int,
        title: String,
        body: String,
        sha256: String,
        publishedAt: Instant,
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

/// A published version of the code without its text, as `Versions` lists it.
public struct EthicsCodeSummary: Sendable, Hashable {
    public var version: Int
    public var title: String
    public var sha256: String
    public var publishedAt: Instant

    public init(version: Int, title: String, sha256: String, publishedAt: Instant) {
        self.version = version
        self.title = title
        self.sha256 = sha256
        self.publishedAt = publishedAt
    }
}

/// A user's statement that they read one version of the code: the version and the hash of the text they read.
public struct CodeAcknowledgement: Sendable, Hashable {
    public var user: String
    public var version: Int
    public var sha256: String
    public var acknowledgedAt: Instant

    public init(user: String, version: Int, sha256: String, acknowledgedAt: Instant) {
        self.user = user
        self.version = version
        self.sha256 = sha256
        self.acknowledgedAt = acknowledgedAt
    }
}

/// The rules of the ethical code as pure functions: publishing a version, acknowledging one, and who still has to.
public enum EthicsRules {
    /// The largest body, in UTF-8 bytes: a long code fits many times over, and a reply holding it stays far below
    /// the default message limit of 1 MiB even when every character is escaped.
    public static let maximumBodyBytes = 131_072

    /// What an acknowledgement request comes to.
    public enum AcknowledgementOutcome: Sendable, Hashable {
        /// A new acknowledgement, to be stored and audited.
        case new(CodeAcknowledgement)
        /// The caller had already acknowledged this version: the stored acknowledgement, unchanged.
        case existing(CodeAcknowledgement)

        /// The acknowledgement either way.
        public var acknowledgement: CodeAcknowledgement {
            switch self {
            case .new(let acknowledgement), .existing(let acknowledgement): acknowledgement
            }
        }
    }

    /// Checks a title: not empty, at most `TextLimits.short` characters, on one line. Returns it trimmed.
    public static func validTitle(_ title: String) throws(DomainError) -> String {
        let trimmed = try FieldRules.requiredText(title, field: "title", limit: TextLimits.short)
        guard !trimmed.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\t" }) else {
            throw .invalidValue("title", "must be one line")
        }
        return trimmed
    }

    /// Checks a body and returns it unchanged: its hash is taken over exactly the text that was sent.
    ///
    /// It must hold more than white space, be at most `maximumBodyBytes` of UTF-8, and contain no control
    /// characters but tab and line feed; a carriage return is refused too, since a lone one lets a terminal print a
    /// line over another and hide text from the reader who acknowledges it.
    public static func validBody(_ body: String) throws(DomainError) -> String {
        guard !FieldRules.trim(body).isEmpty else { throw .invalidValue("body", "must not be empty") }
        let bytes = body.utf8.count
        guard bytes <= maximumBodyBytes else {
            throw .invalidValue("body", "must be at most \(maximumBodyBytes) bytes of UTF-8, not \(bytes)")
        }
        if body.unicodeScalars.contains(where: { $0 == "\r" }) {
            throw .invalidValue("body", "must end its lines with a line feed alone, not a carriage return")
        }
        let control = body.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7f }
        guard !control else {
            throw .invalidValue("body", "must not contain control characters other than tab and line feed")
        }
        return body
    }

    /// The version published after `previous` (the current one, `nil` before the first).
    ///
    /// - Parameter sha256: the lowercase hex SHA-256 of the UTF-8 `body`, computed by the caller.
    public static func publish(
        title: String,
        body: String,
        sha256: String,
        previous: Int?,
        by user: String,
        now: Instant
    ) throws(DomainError) -> EthicsCode {
        let title = try validTitle(title)
        let body = try validBody(body)
        return EthicsCode(
            version: (previous ?? 0) + 1,
            title: title,
            body: body,
            sha256: sha256,
            publishedAt: now,
            publishedBy: user
        )
    }

    /// Whether `text` is written as a SHA-256 in hex: 64 hexadecimal digits (either case).
    public static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
    }

    /// Decides an acknowledgement of `version` by `user`, who read a text whose hash is `sha256`.
    ///
    /// Checked in this order, the first failing rule is the answer: `sha256` is 64 hex digits (`InvalidValue`); the
    /// version exists (`NoSuchVersion`); it is the current one (`NotCurrent`); `sha256` is that version's hash,
    /// in either case (`HashMismatch`). A user who already acknowledged the version gets their acknowledgement
    /// back unchanged, so that acknowledging twice records nothing twice.
    /// - Parameters:
    ///   - current: the current version, `nil` before anything was published.
    ///   - existing: `user`'s acknowledgement of `version`, if they made one.
    public static func acknowledge(
        version: Int,
        sha256: String,
        user: String,
        current: EthicsCode?,
        existing: CodeAcknowledgement?,
        now: Instant
    )
        throws(DomainError) -> AcknowledgementOutcome
    {
        guard isHexDigest(sha256) else {
            throw .invalidValue("sha256", "must be the SHA-256 of the text you read, as 64 hexadecimal digits")
        }
        guard let current, (1...current.version).contains(version) else {
            throw .notFound(.codeVersion, id: version)
        }
        guard version == current.version else { throw .notCurrent(version: version, current: current.version) }
        guard sha256.lowercased() == current.sha256 else { throw .hashMismatch(version: version) }
        if let existing { return .existing(existing) }
        return .new(CodeAcknowledgement(user: user, version: version, sha256: current.sha256, acknowledgedAt: now))
    }

    /// The users who must acknowledge the current version and have not, sorted by name: every board member and
    /// every recorded member, less those who acknowledged it. Before any version is published nobody is pending;
    /// the caller does not ask then.
    public static func pending(members: some Sequence<String>, acknowledged: [CodeAcknowledgement]) -> [String] {
        let done = Set(acknowledged.map(\.user))
        return Set(members).subtracting(done).sorted()
    }
}
