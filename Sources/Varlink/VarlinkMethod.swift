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
    /// How long its work may take, from the `# Work:` line of its IDL: where a server runs it.
    static var work: MethodWork { get }
}

extension VarlinkMethod {
    /// `interface.Method`, as it appears in a call's `method` field.
    public static var qualifiedName: String { "\(interface).\(name)" }

    /// Short, unless the method says otherwise (generated methods always do).
    public static var work: MethodWork { .short }
}

/// Parameters or reply of a method that has none.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}
