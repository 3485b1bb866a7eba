#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What kind of failure an error reply is, which decides how a client reports it (riskctl: its exit status).
///
/// An interface's own errors declare it by the `# Category:` line of their IDL; `VarlinkServiceError` gives the
/// standard ones theirs.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// The record asked for does not exist (`NoSuchRisk`).
    case notFound = "not-found"
    /// A parameter is malformed or breaks a rule (`InvalidValue`, `InvalidParameter`).
    case invalidInput = "invalid-input"
    /// The record changed or is taken meanwhile: read again and retry (`RevisionMismatch`).
    case conflict
    /// The caller may not do this (`PermissionDenied`).
    case permissionDenied = "permission-denied"
    /// Anything else: a fault of the server, a method it does not serve.
    case failure
}

/// How long a method's work may take, which decides the thread a server runs it on: declared by the `# Work: long`
/// line of the method's IDL, `short` without one.
public enum MethodWork: Sendable, Hashable {
    /// A few rows or one write.
    case short
    /// Scans a table or grows with the data (an import, a review run, a backup).
    case long
}

/// The errors of `org.varlink.service`, which any method may answer with, as values: the one place that names them.
///
/// A parameter a server left out is `nil`: a reply is read for its name whatever it carries.
public enum VarlinkServiceError: Sendable, Hashable {
    /// `InterfaceNotFound(interface)`.
    case interfaceNotFound(interface: String?)
    /// `MethodNotFound(method)`.
    case methodNotFound(method: String?)
    /// `MethodNotImplemented(method)`: declared in the interface, not served.
    case methodNotImplemented(method: String?)
    /// `InvalidParameter(parameter)`; nested parameters are named by path (`risks[1].impact`).
    case invalidParameter(parameter: String?)
    /// `PermissionDenied()`; a server may add a `message` in people's words, which a client prints.
    case permissionDenied(message: String?)
    /// `ExpectedMore()`: the method streams and must be called with `more`.
    case expectedMore

    /// The interface of these errors, `org.varlink.service`.
    public static let interface = "org.varlink.service"

    /// The error `reply` carries; `nil` for another error.
    public init?(_ reply: VarlinkError) {
        let value = { (key: String) in reply.parameters[key]?.stringValue }
        switch reply.name {
        case Self.qualified("InterfaceNotFound"):
            self = .interfaceNotFound(interface: value("interface"))
        case Self.qualified("MethodNotFound"):
            self = .methodNotFound(method: value("method"))
        case Self.qualified("MethodNotImplemented"):
            self = .methodNotImplemented(method: value("method"))
        case Self.qualified("InvalidParameter"):
            self = .invalidParameter(parameter: value("parameter"))
        case Self.qualified("PermissionDenied"):
            self = .permissionDenied(message: value("message"))
        case Self.qualified("ExpectedMore"):
            self = .expectedMore
        default:
            return nil
        }
    }

    /// The short name, e.g. `InvalidParameter`.
    public var name: String {
        switch self {
        case .interfaceNotFound: "InterfaceNotFound"
        case .methodNotFound: "MethodNotFound"
        case .methodNotImplemented: "MethodNotImplemented"
        case .invalidParameter: "InvalidParameter"
        case .permissionDenied: "PermissionDenied"
        case .expectedMore: "ExpectedMore"
        }
    }

    /// What kind of failure it is.
    public var category: ErrorCategory {
        switch self {
        case .invalidParameter: .invalidInput
        case .permissionDenied: .permissionDenied
        case .interfaceNotFound, .methodNotFound, .methodNotImplemented, .expectedMore: .failure
        }
    }

    /// The error as a reply carries it.
    public var reply: VarlinkError {
        let parameters: [String: JSONValue] =
            switch self {
            case .interfaceNotFound(let interface): interface.map { ["interface": .string($0)] } ?? [:]
            case .methodNotFound(let method), .methodNotImplemented(let method):
                method.map { ["method": .string($0)] } ?? [:]
            case .invalidParameter(let parameter): parameter.map { ["parameter": .string($0)] } ?? [:]
            case .permissionDenied(let message): message.map { ["message": .string($0)] } ?? [:]
            case .expectedMore: [:]
            }
        return VarlinkError(name: Self.qualified(name), parameters: parameters)
    }

    private static func qualified(_ name: String) -> String { "\(interface).\(name)" }
}

extension VarlinkError {
    /// The parameters read as `type`, an interface's declared error; `nil` when they do not fit it.
    public func parameters<E: Decodable>(as type: E.Type) -> E? {
        guard let bytes = try? JSONEncoder().encode(JSONValue.object(parameters)) else { return nil }
        return try? JSONDecoder().decode(E.self, from: bytes)
    }
}
