#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An error an interface declares (`error Name (…)` in its IDL), as a typed value: generated for every error, so a
/// method can only send what its interface declares.
public protocol VarlinkInterfaceError: Error, Encodable, Sendable {
    /// `interface.Name`, as it appears in the reply's `error` field.
    static var qualifiedName: String { get }
}

extension VarlinkError {
    /// The error reply carrying `error`'s name and parameters.
    public init<E: VarlinkInterfaceError>(_ error: E) {
        self.init(name: E.qualifiedName, parameters: Self.parameters(of: error))
    }

    /// The error's fields as a JSON object; an error whose fields cannot be encoded (a float that is not finite)
    /// is sent with none rather than not at all.
    private static func parameters<E: Encodable>(of error: E) -> [String: JSONValue] {
        guard let bytes = try? VarlinkJSON.sorted(error),
            case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: bytes)
        else { return [:] }
        return members
    }
}
