extension SwiftEmitter {
    mutating func emitMethod(_ method: IDLMethod) {
        let roles = roles[method.name] ?? MethodRoles(anyone: false, grants: [])
        emit("extension \(namespaceName) {")
        doc(method.documentation, 4, fallback: "`\(interface.name).\(method.name)`.")
        emit("///", 4)
        emit("/// Roles: \(Self.rolesText(roles)). Calling it is \(roles.does).", 4)
        emit("public enum \(method.name): VarlinkMethod {", 4)
        emit("/// The interface, `\(interface.name)`.", 8)
        emit("public static let interface = \(namespaceName).name", 8)
        emit("/// The method name, `\(method.name)`.", 8)
        emit("public static let name = \(literal(method.name))", 8)
        emit("/// Who may call the method, from its `Roles:` line.", 8)
        emit(
            "public static let policy = \(Self.policyExpression(roles, method: "\(interface.name).\(method.name)"))",
            8
        )
        emit("/// How long its work may take, from its `Work:` line: where the daemon runs it.", 8)
        emit("public static let work = MethodWork.\(work[method.name] ?? "short")", 8)
        emit("")
        emitPayload("Parameters", method: method.name, fields: method.parameters, sharedType: true)
        emit("")
        emitPayload("Reply", method: method.name, fields: method.reply, sharedType: false)
        emit("}", 4)
        emit("}")
    }

    private mutating func emitPayload(_ role: String, method: String, fields: [IDLField], sharedType: Bool) {
        if fields.isEmpty {
            emit("/// `\(method)` has no \(role == "Reply" ? "reply fields" : "parameters").", 8)
            emit("public typealias \(role) = NoParameters", 8)
            return
        }
        // Parameters that are exactly a declared struct (Add takes one NewRisk) are that type, so that a caller
        // converts one type, not two.
        if sharedType, let shared = interface.types.first(where: { Self.sameShape($0.type, .structure(fields)) }) {
            emit("/// The parameters of `\(method)` are the fields of `\(shared.name)`.", 8)
            emit("public typealias \(role) = \(shared.name)", 8)
            return
        }
        emitStruct(
            name: role,
            documentation: ["The \(role == "Reply" ? "reply" : "parameters") of `\(interface.name).\(method)`."],
            fields: fields,
            conformances: "",
            indent: 8
        )
    }

    static func sameShape(_ lhs: IDLType, _ rhs: IDLType) -> Bool {
        switch (lhs, rhs) {
        case (.structure(let a), .structure(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && sameShape($0.type, $1.type) }
        case (.optional(let a), .optional(let b)), (.array(let a), .array(let b)), (.map(let a), .map(let b)):
            return sameShape(a, b)
        default:
            return lhs == rhs
        }
    }

    mutating func emitError(_ error: IDLError) {
        emit("extension \(namespaceName) {")
        doc(error.documentation, 4, fallback: "The error `\(interface.name).\(error.name)`.")
        emit("public struct \(error.name): VarlinkInterfaceError, Codable, Sendable, Hashable {", 4)
        emit("/// The error's name on the wire, `\(interface.name).\(error.name)`.", 8)
        emit("public static let qualifiedName = \(literal(interface.name + "." + error.name))", 8)
        emit("/// What kind of failure it is, from its `Category:` line.", 8)
        emit("public static let category = ErrorCategory.\(categories[error.name] ?? "failure")", 8)
        for field in error.parameters {
            doc(field.documentation, 8, fallback: "`\(field.name)`.")
            emit("public var \(identifier(field.name)): \(swiftType(field.type, field: field.name))", 8)
        }
        emit("")
        emit("/// Creates the error from its parameters.", 8)
        let arguments = error.parameters.map { "\(identifier($0.name)): \(swiftType($0.type, field: $0.name))" }
        emit("public init(\(arguments.joined(separator: ", "))) {", 8)
        for field in error.parameters { emit("self.\(field.name) = \(identifier(field.name))", 12) }
        emit("}", 8)
        emit("}", 4)
        emit("}")
    }

    /// `admin, board (own records)`, for documentation and for riskctl's wording.
    static func rolesText(_ roles: MethodRoles) -> String {
        if roles.anyone { return "anyone, with a role or without" }
        return roles.grants.map { $0.scope == "yes" ? $0.role : "\($0.role) (\($0.scope))" }.joined(separator: ", ")
    }

    static func policyExpression(_ roles: MethodRoles, method: String) -> String {
        let grants = roles.grants.map { ".\($0.role): .\(RoleScopeName.swiftCase($0.scope))" }
        let table = grants.isEmpty ? "[:]" : "[\(grants.joined(separator: ", "))]"
        return "MethodPolicy(method: \"\(method)\", anyone: \(roles.anyone), grants: \(table), does: \"\(roles.does)\")"
    }

    func literal(_ string: String) -> String { "\"\(string)\"" }

    /// `#"""…"""#` holding `text` exactly, with as many `#` as it takes.
    func rawLiteral(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }

    func identifier(_ name: String) -> String {
        SwiftKeywords.reserved.contains(name) ? "`\(name)`" : name
    }
}

/// The Swift case of each scope of a `Roles:` line.
enum RoleScopeName {
    static func swiftCase(_ scope: String) -> String {
        switch scope {
        case "own": return "own"
        case "self": return "caller"
        case "visible": return "visible"
        default: return "every"
        }
    }
}

/// Words Swift reserves, which a field or enum value is written in backticks for.
enum SwiftKeywords {
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "Type",
    ]
}
