/// Writes the Swift side of one interface: a namespace enum holding its named types, one `VarlinkMethod` per method
/// (parameters, reply, who may call it) and one typed error per error.
///
/// The names follow the IDL: `org.riskd.risk` becomes `RiskInterface`; an anonymous struct or enum becomes a type
/// nested in its owner, named after its field (`reason` → `Reason`). Nullable fields are optionals that default
/// to `nil` in the memberwise initialiser.
public struct SwiftEmitter {
    let interface: IDLInterface
    let text: String
    let roles: [String: MethodRoles]
    /// The `MethodWork` case of each method, from its `Work:` line.
    let work: [String: String]
    /// The `ErrorCategory` case of each error, from its `Category:` line.
    let categories: [String: String]
    private var lines: [String] = []

    /// The namespace enum of an interface: its last name component, capitalised, then `Interface`.
    public static func namespace(of interface: String) -> String {
        let last = interface.split(separator: ".").last.map(String.init) ?? interface
        return last.prefix(1).uppercased() + last.dropFirst() + "Interface"
    }

    /// The Swift source for `interface`, whose IDL `text` it embeds; every method must have its roles.
    public static func source(
        for interface: IDLInterface,
        text: String,
        file: String
    ) throws(IDLParseError)
        -> String
    {
        var roles: [String: MethodRoles] = [:]
        var work: [String: String] = [:]
        for method in interface.methods {
            roles[method.name] = try MethodRoles.read(method, interface: interface.name, file: file)
            work[method.name] = try MethodWorkLine.read(method, file: file)
        }
        var categories: [String: String] = [:]
        for error in interface.errors {
            categories[error.name] = try ErrorCategoryLine.read(error, interface: interface.name, file: file)
        }
        var emitter = SwiftEmitter(
            interface: interface,
            text: text,
            roles: roles,
            work: work,
            categories: categories
        )
        emitter.emitFile(file: file)
        return emitter.lines.joined(separator: "\n") + "\n"
    }

    var namespaceName: String { Self.namespace(of: interface.name) }

    mutating func emit(_ line: String, _ indent: Int = 0) {
        lines.append(line.isEmpty ? "" : String(repeating: " ", count: indent) + line)
    }

    mutating func doc(_ documentation: [String], _ indent: Int, fallback: String) {
        let text = documentation.filter { line in !DeclarationLine.keys.contains { line.hasPrefix($0) } }
        for line in text.isEmpty ? [fallback] : text { emit(line.isEmpty ? "///" : "/// " + line, indent) }
    }

    private mutating func emitFile(file: String) {
        emit("// Generated from \(file.split(separator: "/").last.map(String.init) ?? file) by VarlinkGenerator.")
        emit("// Do not edit: change the IDL file, the one source of the interface (docs/adding-a-method.md).")
        emit("import Varlink")
        emit("")
        doc(interface.documentation, 0, fallback: "The `\(interface.name)` interface.")
        emit("public enum \(namespaceName) {")
        emit("/// The interface name, `\(interface.name)`.", 4)
        emit("public static let name = \(literal(interface.name))", 4)
        emit("")
        emit("/// The IDL text, as `org.varlink.service.GetInterfaceDescription` serves it.", 4)
        emit("public static let definition = VarlinkInterfaceDefinition(", 4)
        emit("name: name,", 8)
        emit("methods: [\(interface.methods.map { literal($0.name) }.joined(separator: ", "))],", 8)
        emit("errors: [\(interface.errors.map { literal($0.name) }.joined(separator: ", "))],", 8)
        emit("text: \(rawLiteral(text))", 8)
        emit(")", 4)
        for type in interface.types {
            emit("")
            emitType(name: type.name, documentation: type.documentation, type: type.type, indent: 4)
        }
        emit("}")
        for method in interface.methods {
            emit("")
            emitMethod(method)
        }
        for error in interface.errors {
            emit("")
            emitError(error)
        }
    }

    mutating func emitType(name: String, documentation: [String], type: IDLType, indent: Int) {
        switch type {
        case .enumeration(let cases):
            doc(documentation, indent, fallback: "`\(name)` of `\(interface.name)`.")
            emit("public enum \(name): String, Codable, Sendable, Hashable, CaseIterable {", indent)
            for value in cases { emit("case \(identifier(value))", indent + 4) }
            emit("}", indent)
        case .structure(let fields):
            emitStruct(name: name, documentation: documentation, fields: fields, conformances: "", indent: indent)
        default:
            break  // IDLParser accepts only structs and enums as named types.
        }
    }

    mutating func emitStruct(
        name: String,
        documentation: [String],
        fields: [IDLField],
        conformances: String,
        indent: Int
    ) {
        doc(documentation, indent, fallback: "`\(name)` of `\(interface.name)`.")
        emit("public struct \(name): Codable, Sendable, Hashable\(conformances) {", indent)
        for field in fields {
            doc(field.documentation, indent + 4, fallback: "`\(field.name)`.")
            emit("public var \(identifier(field.name)): \(swiftType(field.type, field: field.name))", indent + 4)
        }
        emit("", indent)
        emit(
            fields.contains { if case .optional = $0.type { true } else { false } }
                ? "/// Creates a value from its fields; optional ones default to `nil`."
                : "/// Creates a value from its fields.",
            indent + 4
        )
        let arguments = fields.map { field -> String in
            let type = swiftType(field.type, field: field.name)
            if case .optional = field.type { return "\(identifier(field.name)): \(type) = nil" }
            return "\(identifier(field.name)): \(type)"
        }
        emit("public init(\(arguments.joined(separator: ", "))) {", indent + 4)
        for field in fields { emit("self.\(field.name) = \(identifier(field.name))", indent + 8) }
        emit("}", indent + 4)
        for field in fields {
            emitNested(field.type, field: field.name, documentation: field.documentation, indent + 4)
        }
        emit("}", indent)
    }

    /// The anonymous struct or enum of a field, as a nested type named after the field.
    private mutating func emitNested(_ type: IDLType, field: String, documentation: [String], _ indent: Int) {
        switch type {
        case .optional(let element), .array(let element), .map(let element):
            emitNested(element, field: field, documentation: documentation, indent)
        case .structure, .enumeration:
            emit("")
            emitType(name: Self.typeName(field), documentation: documentation, type: type, indent: indent)
        default:
            break
        }
    }

    private static func typeName(_ field: String) -> String {
        field.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    func swiftType(_ type: IDLType, field: String) -> String {
        Self.swiftType(type, field: field)
    }

    /// The Swift type of `type`, an anonymous struct or enum named after its `field`.
    static func swiftType(_ type: IDLType, field: String) -> String {
        switch type {
        case .bool: return "Bool"
        case .int: return "Int"
        case .float: return "Double"
        case .string: return "String"
        case .object: return "JSONValue"
        case .stringSet: return "[String: NoParameters]"
        case .named(let name): return name
        case .optional(let element): return swiftType(element, field: field) + "?"
        case .array(let element): return "[" + swiftType(element, field: field) + "]"
        case .map(let element): return "[String: " + swiftType(element, field: field) + "]"
        case .structure, .enumeration: return typeName(field)
        }
    }
}
