/// A method of a Varlink interface, with its parameter and reply types.
///
/// Both sides use the same conforming type: the daemon to decode calls and encode replies, the client to do the
/// reverse. Nullable IDL fields are Swift optionals; an absent optional is omitted from the JSON.
public protocol VarlinkMethod: Sendable {
    associatedtype Parameters: Codable & Sendable
    associatedtype Reply: Codable & Sendable
    /// The interface name, e.g. `org.riskd.risk`.
    static var interface: String { get }
    /// The method name, e.g. `Add`.
    static var name: String { get }
}

extension VarlinkMethod {
    /// `interface.Method`, as it appears in a call's `method` field.
    public static var qualifiedName: String { "\(interface).\(name)" }
}

/// Parameters or reply of a method that has none.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}
