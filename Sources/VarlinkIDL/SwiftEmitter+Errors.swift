/// One error name of a module: every interface that declares it declares the same error (the same fields, the same
/// category), which clients read as one case of `ProtocolError`.
struct ModuleError {
    var name: String
    var documentation: [String]
    var fields: [IDLField]
    /// The `ErrorCategory` case, from the `Category:` line.
    var category: String
    /// The interfaces that declare it, in the order of their files.
    var interfaces: [String]

    /// The case of `ProtocolError`: the name with a small first letter.
    var caseName: String { name.prefix(1).lowercased() + name.dropFirst() }

    /// The errors of `interfaces`, in the order they are first declared; an error declared twice with another shape,
    /// or with a field no client could hold without knowing its interface (a named or anonymous type), is refused.
    static func collect(_ interfaces: [IDLInterface], files: [String]) throws(IDLParseError) -> [ModuleError] {
        var errors: [ModuleError] = []
        for (interface, file) in zip(interfaces, files) {
            for error in interface.errors {
                let category = try ErrorCategoryLine.read(error, interface: interface.name, file: file)
                for field in error.parameters where !isPlain(field.type) {
                    throw IDLParseError(
                        file: file,
                        line: error.line,
                        message: "error \(error.name): field `\(field.name)` is a struct or an enum; an error's "
                            + "fields are scalars, or arrays, maps or optionals of them"
                    )
                }
                guard let index = errors.firstIndex(where: { $0.name == error.name }) else {
                    errors.append(
                        ModuleError(
                            name: error.name,
                            documentation: error.documentation,
                            fields: error.parameters,
                            category: category,
                            interfaces: [interface.name]
                        )
                    )
                    continue
                }
                let first = errors[index]
                guard first.category == category,
                    first.fields.map(\.name) == error.parameters.map(\.name),
                    zip(first.fields, error.parameters).allSatisfy({ $0.type == $1.type })
                else {
                    throw IDLParseError(
                        file: file,
                        line: error.line,
                        message: "error \(error.name) differs from the one \(first.interfaces[0]) declares: an "
                            + "error of one name has the same fields and category in every interface"
                    )
                }
                errors[index].interfaces.append(interface.name)
            }
        }
        return errors
    }

    private static func isPlain(_ type: IDLType) -> Bool {
        switch type {
        case .bool, .int, .float, .string, .object, .stringSet: true
        case .optional(let element), .array(let element), .map(let element): isPlain(element)
        case .named, .structure, .enumeration: false
        }
    }
}

extension SwiftEmitter {
    /// `ProtocolError`, every error of the module as one value a client switches over, and the constructors of
    /// `ProtocolInterface` that send one as the interface's own declared type.
    static func errorCatalogLines(_ interfaces: [IDLInterface], files: [String]) throws(IDLParseError) -> [String] {
        let errors = try ModuleError.collect(interfaces, files: files)
        var lines = [
            "",
            "/// Every error the module's interfaces declare, one case per name (an error of one name is the same in",
            "/// every interface that declares it), and the standard errors of `org.varlink.service`.",
            "public enum ProtocolError: Sendable, Hashable {",
        ]
        for error in errors {
            // An error several interfaces declare is documented by each for itself; the case names them.
            let documentation =
                error.interfaces.count > 1
                ? ["`\(error.name)`, as \(error.interfaces.joined(separator: ", ")) declare it."]
                : error.documentation.filter { line in !DeclarationLine.keys.contains { line.hasPrefix($0) } }
            lines += (documentation.isEmpty ? ["`\(error.name)`."] : documentation).map {
                $0.isEmpty ? "    ///" : "    /// " + $0
            }
            lines.append("    case \(error.caseName)\(associatedValues(error))")
        }
        lines += [
            "    /// An error of `org.varlink.service`, which any method may send.",
            "    case service(VarlinkServiceError)",
            "",
            "    /// The error `reply` carries; `nil` for one no interface declares, or whose parameters do not fit it.",
            "    public init?(_ reply: VarlinkError) {",
            "        if let service = VarlinkServiceError(reply) {",
            "            self = .service(service)",
            "            return",
            "        }",
            "        switch reply.name {",
        ]
        for error in errors {
            let names = error.interfaces.map { "\(namespace(of: $0)).\(error.name).qualifiedName" }
            lines.append("        case \(names.joined(separator: ", ")):")
            if error.fields.isEmpty {
                lines.append("            self = .\(error.caseName)")
                continue
            }
            let type = "\(namespace(of: error.interfaces[0])).\(error.name)"
            let values = error.fields.map { "\(label($0.name)): error.\(name($0.name))" }
            lines += [
                "            guard let error = reply.parameters(as: \(type).self) else { return nil }",
                "            self = .\(error.caseName)(\(values.joined(separator: ", ")))",
            ]
        }
        lines += [
            "        default:", "            return nil", "        }", "    }", "",
            "    /// What kind of failure it is, from the `Category:` line of its IDL.",
            "    public var category: ErrorCategory {", "        switch self {",
        ]
        for category in ErrorCategoryLine.cases.map(\.swiftCase) {
            let cases = errors.filter { $0.category == category }.map { "." + $0.caseName }
            if !cases.isEmpty { lines.append("        case \(cases.joined(separator: ", ")): .\(category)") }
        }
        lines += ["        case .service(let error): error.category", "        }", "    }", "}"]
        lines += declaredLines(errors)
        return lines
    }

    /// `ProtocolInterface.declared(_:)`, and a constructor for each error every interface declares.
    private static func declaredLines(_ errors: [ModuleError]) -> [String] {
        let all = Set(errors.flatMap(\.interfaces))
        var lines = [
            "",
            "extension ProtocolInterface {",
            "    /// `error` as this interface sends it, as the type it declares; `nil` when it declares no error of that",
            "    /// name (and for the errors of `org.varlink.service`, which `VarlinkServiceError` sends).",
            "    public func declared(_ error: ProtocolError) -> VarlinkError? {",
            "        switch (self, error) {",
        ]
        for error in errors {
            for interface in error.interfaces {
                lines += [
                    "        case (.\(interfaceCase(interface)), .\(error.caseName)\(bindings(error))):",
                    "            VarlinkError(\(construction(error, interface: interface)))",
                ]
            }
        }
        lines += ["        default:", "            nil", "        }", "    }"]
        for error in errors where Set(error.interfaces) == all {
            let parameters = error.fields.map { "\(label($0.name)): \(swiftType($0.type, field: $0.name))" }
            lines += [
                "",
                "    /// `\(error.name)` as this interface sends it; every interface declares it.",
                "    public func \(error.caseName)(\(parameters.joined(separator: ", "))) -> VarlinkError {",
                "        switch self {",
            ]
            for interface in error.interfaces {
                lines.append(
                    "        case .\(interfaceCase(interface)): VarlinkError(\(construction(error, interface: interface)))"
                )
            }
            lines += ["        }", "    }"]
        }
        lines.append("}")
        return lines
    }

    /// `(field: String, reason: String)`, or nothing for an error without fields.
    private static func associatedValues(_ error: ModuleError) -> String {
        guard !error.fields.isEmpty else { return "" }
        let values = error.fields.map { "\(label($0.name)): \(swiftType($0.type, field: $0.name))" }
        return "(\(values.joined(separator: ", ")))"
    }

    /// `(let field, let reason)`, or nothing.
    private static func bindings(_ error: ModuleError) -> String {
        guard !error.fields.isEmpty else { return "" }
        return "(\(error.fields.map { "let \(name($0.name))" }.joined(separator: ", ")))"
    }

    /// `RiskInterface.InvalidValue(field: field, reason: reason)`.
    private static func construction(_ error: ModuleError, interface: String) -> String {
        let arguments = error.fields.map { "\(label($0.name)): \(name($0.name))" }
        return "\(namespace(of: interface)).\(error.name)(\(arguments.joined(separator: ", ")))"
    }

    /// The case of `ProtocolInterface` for `interface`: its last name component.
    static func interfaceCase(_ interface: String) -> String {
        let last = interface.split(separator: ".").last.map(String.init) ?? interface
        return name(last)
    }

    /// A field name as a Swift name, in backticks when Swift reserves it.
    private static func name(_ field: String) -> String {
        SwiftKeywords.reserved.contains(field) ? "`\(field)`" : field
    }

    /// A field name as an argument label, which only `inout`, `var` and `let` cannot be.
    private static func label(_ field: String) -> String {
        ["inout", "var", "let"].contains(field) ? "`\(field)`" : field
    }
}
