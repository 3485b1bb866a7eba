/// An error reply: a fully-qualified error name and its parameters.
///
/// The standard `org.varlink.service` errors have factories here; interface-specific errors are built by the
/// interface's owner (riskd maps its domain errors in exactly one place, `RiskDaemon/ErrorMapping.swift`).
public struct VarlinkError: Error, Sendable, Hashable {
    /// Fully-qualified error name, e.g. `org.varlink.service.InvalidParameter`.
    public var name: String
    /// The error's parameters; always an object on the wire (possibly empty).
    public var parameters: [String: JSONValue]

    public init(name: String, parameters: [String: JSONValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// `org.varlink.service.InterfaceNotFound(interface)`.
    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkServiceError.interfaceNotFound(interface: interface).reply
    }

    /// `org.varlink.service.MethodNotFound(method)`.
    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkServiceError.methodNotFound(method: method).reply
    }

    /// `org.varlink.service.MethodNotImplemented(method)`: declared in the interface, not served yet.
    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkServiceError.methodNotImplemented(method: method).reply
    }

    /// `org.varlink.service.InvalidParameter(parameter)`; nested parameters are named by path (`risks[1].impact`).
    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkServiceError.invalidParameter(parameter: parameter).reply
    }

    /// `org.varlink.service.PermissionDenied()`.
    public static let permissionDenied = VarlinkServiceError.permissionDenied(message: nil).reply

    /// `org.varlink.service.ExpectedMore()`: the method streams and must be called with `more`.
    public static let expectedMore = VarlinkServiceError.expectedMore.reply
}

extension VarlinkError: CustomStringConvertible {
    public var description: String {
        let details = parameters.keys.sorted().map { key in "\(key): \(parameters[key].map(Self.render) ?? "")" }
        return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return "\"\(string)\""
        case .int(let int): return String(int)
        case .bool(let bool): return String(bool)
        case .double(let double): return String(double)
        case .null: return "null"
        case .array, .object: return "…"
        }
    }
}
