/// The checks the grammar alone does not make: names unique in the interface and in each struct, every named type
/// declared.
struct IDLValidator {
    let file: String

    func validate(_ interface: IDLInterface) throws(IDLParseError) {
        var seen: [String: Int] = [:]
        let members =
            interface.types.map { ($0.name, $0.line) } + interface.methods.map { ($0.name, $0.line) }
            + interface.errors.map { ($0.name, $0.line) }
        for (name, line) in members {
            if let first = seen[name] {
                throw IDLParseError(file: file, line: line, message: "`\(name)` is already declared on line \(first)")
            }
            seen[name] = line
        }
        let declared = Set(interface.types.map(\.name))
        for type in interface.types { try check(type.type, line: type.line, declared: declared) }
        for method in interface.methods {
            try check(.structure(method.parameters), line: method.line, declared: declared)
            try check(.structure(method.reply), line: method.line, declared: declared)
        }
        for error in interface.errors { try check(.structure(error.parameters), line: error.line, declared: declared) }
    }

    private func check(_ type: IDLType, line: Int, declared: Set<String>) throws(IDLParseError) {
        switch type {
        case .bool, .int, .float, .string, .object, .stringSet:
            return
        case .named(let name):
            guard declared.contains(name) else {
                throw IDLParseError(file: file, line: line, message: "type `\(name)` is not declared")
            }
        case .optional(let element):
            if case .optional = element {
                throw IDLParseError(file: file, line: line, message: "`??` is not a type")
            }
            try check(element, line: line, declared: declared)
        case .array(let element), .map(let element):
            try check(element, line: line, declared: declared)
        case .structure(let fields):
            var names = Set<String>()
            for field in fields {
                guard names.insert(field.name).inserted else {
                    throw IDLParseError(file: file, line: line, message: "field `\(field.name)` appears twice")
                }
                try check(field.type, line: line, declared: declared)
            }
        case .enumeration(let cases):
            guard Set(cases).count == cases.count else {
                throw IDLParseError(file: file, line: line, message: "an enum names a value twice")
            }
        }
    }
}
