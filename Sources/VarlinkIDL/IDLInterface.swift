/// One Varlink interface as its IDL file declares it: the name, its documentation and its members in order.
///
/// The grammar is https://varlink.org/Interface-Definition; `IDLParser` builds this from the text.
public struct IDLInterface: Sendable, Hashable {
    /// The reverse-domain name, e.g. `org.riskd.risk`.
    public var name: String
    /// The comment lines above the `interface` line, without their `#`.
    public var documentation: [String]
    /// Named types (`type Name …`), in the order of the file.
    public var types: [IDLTypeDeclaration]
    /// Methods (`method Name(…) -> (…)`), in the order of the file.
    public var methods: [IDLMethod]
    /// Errors (`error Name (…)`), in the order of the file.
    public var errors: [IDLError]
}

/// `type Name (…)`: a named struct or enum.
public struct IDLTypeDeclaration: Sendable, Hashable {
    /// The type's name, capitalised.
    public var name: String
    /// Its comment lines.
    public var documentation: [String]
    /// A struct or an enum; never a scalar, an array or a map.
    public var type: IDLType
    /// The line of the `type` keyword.
    public var line: Int
}

/// `method Name(parameters) -> (reply)`.
public struct IDLMethod: Sendable, Hashable {
    /// The method's name, capitalised.
    public var name: String
    /// Its comment lines, the `Roles:` line included.
    public var documentation: [String]
    /// The fields of the parameters object.
    public var parameters: [IDLField]
    /// The fields of the reply object.
    public var reply: [IDLField]
    /// The line of the `method` keyword.
    public var line: Int
}

/// `error Name (parameters)`.
public struct IDLError: Sendable, Hashable {
    /// The error's name, capitalised.
    public var name: String
    /// Its comment lines.
    public var documentation: [String]
    /// The fields of the error's parameters.
    public var parameters: [IDLField]
    /// The line of the `error` keyword.
    public var line: Int
}

/// One `name: type` of a struct, with the comment above it.
public struct IDLField: Sendable, Hashable {
    /// The field's name as it is on the wire.
    public var name: String
    /// Its comment lines.
    public var documentation: [String]
    /// Its type.
    public var type: IDLType
}

/// A type expression of the IDL.
public indirect enum IDLType: Sendable, Hashable {
    /// `bool`.
    case bool
    /// `int`: a Swift `Int`.
    case int
    /// `float`: a Swift `Double`.
    case float
    /// `string`.
    case string
    /// `object`: any JSON value.
    case object
    /// A type declared by name in the same interface.
    case named(String)
    /// `?T`.
    case optional(IDLType)
    /// `[]T`.
    case array(IDLType)
    /// `[string]T`.
    case map(IDLType)
    /// `[string]()`: a set of strings.
    case stringSet
    /// `(name: type, …)`, possibly empty.
    case structure([IDLField])
    /// `(a, b, c)`.
    case enumeration([String])
}
