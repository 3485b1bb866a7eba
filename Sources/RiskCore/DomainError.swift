/// Why the domain refused a request. The daemon maps each kind to one Varlink error name, in one place.
///
/// A struct rather than an enum so that new kinds and new details can be added without breaking callers that only
/// build or compare errors.
public struct DomainError: Error, Sendable, Hashable {
    /// The kind of refusal.
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
        case risk, action, organisation, interest, codeVersion, finding, member
    }

    public let kind: Kind
    /// The parameter (or record field) at fault, for `invalidValue`.
    public var field: String = ""
    /// A sentence for a person, for `invalidValue`.
    public var reason: String = ""
    /// The record concerned, for `notFound` and `revisionMismatch`.
    public var entity: Entity?
    /// The id concerned.
    public var id: Int = 0
    /// A key that is not an id (a user name, a taken name).
    public var key: String = ""
    /// The current revision, for `revisionMismatch`.
    public var currentRevision: Int = 0
    /// The current version of the ethical code, for `notCurrent`.
    public var currentVersion: Int = 0

    /// `field` breaks a rule, explained by `reason`.
    public static func invalidValue(_ field: String, _ reason: String) -> DomainError {
        DomainError(kind: .invalidValue, field: field, reason: reason)
    }

    /// No `entity` has this id.
    public static func notFound(_ entity: Entity, id: Int) -> DomainError {
        DomainError(kind: .notFound, entity: entity, id: id)
    }

    /// No `entity` has this key (a member's user name).
    public static func notFound(_ entity: Entity, key: String) -> DomainError {
        DomainError(kind: .notFound, entity: entity, key: key)
    }

    /// `ifRevision` named an older revision than `current`.
    public static func revisionMismatch(_ entity: Entity, id: Int, current: Int) -> DomainError {
        DomainError(kind: .revisionMismatch, entity: entity, id: id, currentRevision: current)
    }

    /// `name` already belongs to record `id`.
    public static func duplicateName(_ name: String, id: Int) -> DomainError {
        DomainError(kind: .duplicateName, id: id, key: name)
    }

    /// The caller's roles allow the method but not this record.
    public static let permissionDenied = DomainError(kind: .permissionDenied)

    /// Version `version` of the ethical code was named, but `current` is the current one.
    public static func notCurrent(version: Int, current: Int) -> DomainError {
        DomainError(kind: .notCurrent, entity: .codeVersion, id: version, currentVersion: current)
    }

    /// The hash given is not that of version `version` of the ethical code.
    public static func hashMismatch(version: Int) -> DomainError {
        DomainError(kind: .hashMismatch, entity: .codeVersion, id: version)
    }
}
