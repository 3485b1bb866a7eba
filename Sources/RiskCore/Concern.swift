/// A concern raised about a possible undeclared interest, a breach of the code, or something else.
///
/// Confidential: the member it is `about` never reads it, nor who raised it (`ConcernRules.mayRead`).
public struct Concern: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case undeclaredInterest = "undeclared_interest"
        case breachOfCode = "breach_of_code"
        case other
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open, upheld
        case notUpheld = "not_upheld"
        case withdrawn
    }

    /// Assigned by the store; 0 before it is stored.
    public var id: Int
    public var raisedBy: String
    public var about: String?
    public var kind: Kind
    public var text: String
    public var raisedAt: Instant
    public var status: Status
    public var outcome: String?
    public var closedBy: String?
    public var closedAt: Instant?

    /// A concern from its fields.
    public init(
        id: Int,
        raisedBy: String,
        about: String?,
        kind: Kind,
        text: String,
        raisedAt: Instant,
        status: Status = .open,
        outcome: String? = nil,
        closedBy: String? = nil,
        closedAt: Instant? = nil
    ) {
        self.id = id
        self.raisedBy = raisedBy
        self.about = about
        self.kind = kind
        self.text = text
        self.raisedAt = raisedAt
        self.status = status
        self.outcome = outcome
        self.closedBy = closedBy
        self.closedAt = closedAt
    }
}

/// The rules of concerns as pure functions.
public enum ConcernRules {
    /// A new open concern raised by `user` at `now`; `isMember` says whether `about` names a member.
    public static func raise(
        kind: String,
        text: String,
        about: String?,
        by user: String,
        now: Instant,
        isMember: (String) -> Bool
    ) throws(DomainError) -> Concern {
        guard let kind = Concern.Kind(rawValue: kind.replacingHyphens) else {
            let names = Concern.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue("kind", "must be one of \(names), not \"\(kind)\"")
        }
        let text = try FieldRules.requiredText(text, field: "text", limit: TextLimits.long)
        var named: String?
        if let about {
            let name = try FieldRules.requiredText(about, field: "about")
            guard name != user else { throw .invalidValue("about", "must name someone else than yourself") }
            guard isMember(name) else { throw .invalidValue("about", "\(name) is not a member of the board") }
            named = name
        }
        return Concern(id: 0, raisedBy: user, about: named, kind: kind, text: text, raisedAt: now)
    }

    /// `concern` closed by `user` with `status` and `outcome`; only an open concern is closed.
    public static func close(
        _ concern: Concern,
        status: String,
        outcome: String,
        by user: String,
        now: Instant
    ) throws(DomainError) -> Concern {
        guard concern.status == .open else {
            throw .invalidValue("id", "concern C-\(concern.id) is already closed (\(concern.status.rawValue))")
        }
        guard let status = Concern.Status(rawValue: status.replacingHyphens), status != .open else {
            throw .invalidValue("status", "must be one of upheld, not_upheld, withdrawn, not \"\(status)\"")
        }
        var closed = concern
        closed.status = status
        closed.outcome = try FieldRules.requiredText(outcome, field: "outcome", limit: TextLimits.long)
        closed.closedBy = user
        closed.closedAt = now
        return closed
    }

    /// Whether `user` may read `concern`: never the member it is about; otherwise its author, and any admin or
    /// auditor (`keepsRegister`).
    public static func mayRead(_ concern: Concern, user: String, keepsRegister: Bool) -> Bool {
        guard concern.about != user else { return false }
        return keepsRegister || concern.raisedBy == user
    }
}
