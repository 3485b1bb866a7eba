/// Why the domain refused a request. The daemon maps each kind to one Varlink error of the called interface, in one
/// place (`RiskDaemon/ErrorMapping.swift`).
///
/// A struct over a private code, built through its static factories: a new refusal, or a new detail of one, is
/// added without breaking the code that builds or compares errors. Each code carries only the details it has.
public struct DomainError: Error, Sendable, Hashable {
    /// The kind of refusal: what the one mapping to wire errors switches over.
    public enum Kind: Sendable, Hashable {
        /// A well-formed value breaks a rule; `field` and `reason` say which and why.
        case invalidValue
        /// No record of `entity` has `id` (or `key`).
        case notFound
        /// `ifRevision` was stale; `id` and `currentRevision` say which and what is current.
        case revisionMismatch
        /// A name is already taken by record `id`.
        case duplicateName
        /// The caller may not touch this record.
        case permissionDenied
        /// A version of the ethical code that is not the current one was acknowledged; `id` is the version named,
        /// `currentVersion` the current one.
        case notCurrent
        /// The hash given is not that of version `id` of the ethical code: the caller read another text.
        case hashMismatch
    }

    /// The record types errors can name; each has its own `NoSuch…` error on the wire.
    public enum Entity: String, Sendable, Hashable {
        case risk, action, organisation, interest, codeVersion, finding, member, meeting, item, recusal, concern, mail
    }

    private enum Code: Sendable, Hashable {
        case invalidValue(field: String, reason: String)
        case notFound(Entity, id: Int, key: String)
        case revisionMismatch(Entity, id: Int, current: Int)
        case duplicateName(String, id: Int)
        case permissionDenied(doing: String, onlyFor: Set<Role>)
        case notCurrent(version: Int, current: Int)
        case hashMismatch(version: Int)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// The kind of refusal.
    public var kind: Kind {
        switch code {
        case .invalidValue: .invalidValue
        case .notFound: .notFound
        case .revisionMismatch: .revisionMismatch
        case .duplicateName: .duplicateName
        case .permissionDenied: .permissionDenied
        case .notCurrent: .notCurrent
        case .hashMismatch: .hashMismatch
        }
    }

    /// The parameter (or record field) at fault, for `invalidValue`; empty otherwise.
    public var field: String {
        if case .invalidValue(let field, _) = code { return field }
        return ""
    }

    /// A sentence for a person, for `invalidValue`; empty otherwise.
    public var reason: String {
        if case .invalidValue(_, let reason) = code { return reason }
        return ""
    }

    /// The record concerned, for `notFound`, `revisionMismatch` and the ethical code's refusals.
    public var entity: Entity? {
        switch code {
        case .notFound(let entity, _, _), .revisionMismatch(let entity, _, _): entity
        case .notCurrent, .hashMismatch: .codeVersion
        case .invalidValue, .duplicateName, .permissionDenied: nil
        }
    }

    /// The id concerned (a record's id, a version of the code); 0 when there is none.
    public var id: Int {
        switch code {
        case .notFound(_, let id, _), .revisionMismatch(_, let id, _), .duplicateName(_, let id): id
        case .notCurrent(let version, _), .hashMismatch(let version): version
        case .invalidValue, .permissionDenied: 0
        }
    }

    /// A key that is not an id (a member's user name, a taken name); empty when there is none.
    public var key: String {
        switch code {
        case .notFound(_, _, let key), .duplicateName(let key, _): key
        default: ""
        }
    }

    /// For a `permissionDenied` that a parameter decides, not the method's roles: what the caller asked for, in
    /// people's words; empty otherwise.
    public var refusedDoing: String {
        if case .permissionDenied(let doing, _) = code { return doing }
        return ""
    }

    /// For a `permissionDenied` that a parameter decides: the roles that may ask for it; empty otherwise (the
    /// method's `Roles:` line says who may).
    public var allowedRoles: Set<Role> {
        if case .permissionDenied(_, let roles) = code { return roles }
        return []
    }

    /// The current revision, for `revisionMismatch`; 0 otherwise.
    public var currentRevision: Int {
        if case .revisionMismatch(_, _, let current) = code { return current }
        return 0
    }

    /// The current version of the ethical code, for `notCurrent`; 0 otherwise.
    public var currentVersion: Int {
        if case .notCurrent(_, let current) = code { return current }
        return 0
    }

    /// `field` breaks a rule, explained by `reason`.
    public static func invalidValue(_ field: String, _ reason: String) -> DomainError {
        DomainError(.invalidValue(field: field, reason: reason))
    }

    /// No `entity` has this id.
    public static func notFound(_ entity: Entity, id: Int) -> DomainError {
        DomainError(.notFound(entity, id: id, key: ""))
    }

    /// No `entity` has this key (a member's user name).
    public static func notFound(_ entity: Entity, key: String) -> DomainError {
        DomainError(.notFound(entity, id: 0, key: key))
    }

    /// `ifRevision` named an older revision than `current`.
    public static func revisionMismatch(_ entity: Entity, id: Int, current: Int) -> DomainError {
        DomainError(.revisionMismatch(entity, id: id, current: current))
    }

    /// `name` already belongs to record `id`.
    public static func duplicateName(_ name: String, id: Int) -> DomainError {
        DomainError(.duplicateName(name, id: id))
    }

    /// The caller's roles allow the method but not this record.
    public static let permissionDenied = DomainError(.permissionDenied(doing: "", onlyFor: []))

    /// The caller's roles allow the method but not what a parameter asks of it (the confidential copy of the board
    /// pack): `doing` says it in people's words, `roles` who may, where the method's `Roles:` line cannot.
    public static func permissionDenied(doing: String, onlyFor roles: Set<Role>) -> DomainError {
        DomainError(.permissionDenied(doing: doing, onlyFor: roles))
    }

    /// Version `version` of the ethical code was named, but `current` is the current one.
    public static func notCurrent(version: Int, current: Int) -> DomainError {
        DomainError(.notCurrent(version: version, current: current))
    }

    /// The hash given is not that of version `version` of the ethical code.
    public static func hashMismatch(version: Int) -> DomainError {
        DomainError(.hashMismatch(version: version))
    }
}
