/// Reads the Varlink interface definition grammar (https://varlink.org/Interface-Definition).
///
/// Everything the grammar allows is read: named and anonymous structs and enums, nested to any depth, `?T`,
/// `[]T`, `[string]T`, `[string]()`, `object`, comments. What it refuses (a malformed text, a type used but not
/// declared, a name declared twice, `??T`) is an `IDLParseError` naming the line.
public struct IDLParser {
    private let file: String
    private var tokens: [IDLToken]
    private var position = 0

    /// Parses `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(IDLParseError) -> IDLInterface {
        var parser = IDLParser(file: file, tokens: try IDLLexer.tokens(of: text, file: file))
        let interface = try parser.interface()
        try IDLValidator(file: file).validate(interface)
        return interface
    }

    private init(file: String, tokens: [IDLToken]) {
        self.file = file
        self.tokens = tokens
    }

    private var current: IDLToken { tokens[position] }

    private func fail(_ message: String, at token: IDLToken? = nil) -> IDLParseError {
        IDLParseError(file: file, line: (token ?? current).line, message: message)
    }

    private mutating func advance() -> IDLToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ symbol: Character) throws(IDLParseError) {
        guard case .symbol(symbol) = current.kind else {
            throw fail("expected `\(symbol)`, found \(describe(current))")
        }
        _ = advance()
    }

    private mutating func word(_ what: String) throws(IDLParseError) -> String {
        guard case .word(let word) = current.kind else { throw fail("expected \(what), found \(describe(current))") }
        _ = advance()
        return word
    }

    private func describe(_ token: IDLToken) -> String {
        switch token.kind {
        case .word(let word): return "`\(word)`"
        case .symbol(let symbol): return "`\(symbol)`"
        case .arrow: return "`->`"
        case .end: return "the end of the file"
        }
    }

    private mutating func interface() throws(IDLParseError) -> IDLInterface {
        let keyword = current
        guard case .word("interface") = keyword.kind else { throw fail("the file must start with `interface NAME`") }
        _ = advance()
        let nameToken = current
        let name = try word("an interface name")
        guard Names.isInterfaceName(name) else { throw fail("`\(name)` is not a valid interface name", at: nameToken) }
        var interface = IDLInterface(
            name: name,
            documentation: keyword.documentation,
            types: [],
            methods: [],
            errors: []
        )
        while true {
            let token = current
            switch token.kind {
            case .end:
                return interface
            case .word("type"):
                _ = advance()
                let name = try memberName()
                let type = try typeExpression()
                switch type {
                case .structure, .enumeration: break
                default: throw fail("type \(name) must be a struct `(…)` or an enum", at: token)
                }
                interface.types.append(
                    IDLTypeDeclaration(
                        name: name,
                        documentation: token.documentation,
                        type: type,
                        line: token.line
                    )
                )
            case .word("method"):
                _ = advance()
                let name = try memberName()
                let parameters = try structFields()
                guard case .arrow = current.kind else { throw fail("expected `->` after the parameters of \(name)") }
                _ = advance()
                let reply = try structFields()
                interface.methods.append(
                    IDLMethod(
                        name: name,
                        documentation: token.documentation,
                        parameters: parameters,
                        reply: reply,
                        line: token.line
                    )
                )
            case .word("error"):
                _ = advance()
                let name = try memberName()
                let parameters = try structFields()
                interface.errors.append(
                    IDLError(
                        name: name,
                        documentation: token.documentation,
                        parameters: parameters,
                        line: token.line
                    )
                )
            default:
                throw fail("expected `type`, `method` or `error`, found \(describe(token))")
            }
        }
    }

    private mutating func memberName() throws(IDLParseError) -> String {
        let token = current
        let name = try word("a name")
        guard Names.isMemberName(name) else {
            throw fail("`\(name)` is not a member name (a capital letter, then letters and digits)", at: token)
        }
        return name
    }

    /// `( field: type, … )` where an empty list is allowed; an enum here is refused.
    private mutating func structFields() throws(IDLParseError) -> [IDLField] {
        let open = current
        switch try typeExpression() {
        case .structure(let fields): return fields
        case .enumeration: throw fail("expected a struct `(name: type, …)`, found an enum", at: open)
        default: throw fail("expected a struct `(name: type, …)`", at: open)
        }
    }

    private mutating func typeExpression() throws(IDLParseError) -> IDLType {
        let token = current
        switch token.kind {
        case .symbol("?"):
            _ = advance()
            if case .symbol("?") = current.kind { throw fail("`??` is not a type: a value is nullable once") }
            return .optional(try typeExpression())
        case .symbol("["):
            _ = advance()
            if case .symbol("]") = current.kind {
                _ = advance()
                return .array(try typeExpression())
            }
            let key = try word("`]` or `string`")
            guard key == "string" else { throw fail("a map's key must be `string`, found `\(key)`", at: token) }
            try expect("]")
            if case .symbol("(") = current.kind, case .symbol(")") = tokens[position + 1].kind {
                position += 2
                return .stringSet
            }
            return .map(try typeExpression())
        case .symbol("("):
            return try parenthesised()
        case .word(let word):
            _ = advance()
            switch word {
            case "bool": return .bool
            case "int": return .int
            case "float": return .float
            case "string": return .string
            case "object": return .object
            default:
                guard Names.isMemberName(word) else { throw fail("`\(word)` is not a type", at: token) }
                return .named(word)
            }
        default:
            throw fail("expected a type, found \(describe(token))")
        }
    }

    /// `()`, `(a, b)` (an enum) or `(a: T, b: U)` (a struct): the first item decides which.
    private mutating func parenthesised() throws(IDLParseError) -> IDLType {
        try expect("(")
        if case .symbol(")") = current.kind {
            _ = advance()
            return .structure([])
        }
        var fields: [IDLField] = []
        var cases: [String] = []
        var isStruct: Bool?
        while true {
            let token = current
            let name = try word("a field name")
            guard Names.isFieldName(name) else { throw fail("`\(name)` is not a field name", at: token) }
            let hasType: Bool
            if case .symbol(":") = current.kind { hasType = true } else { hasType = false }
            if let isStruct, isStruct != hasType {
                throw fail("`\(name)`: a list is either all `name: type` (a struct) or all names (an enum)", at: token)
            }
            isStruct = hasType
            if hasType {
                _ = advance()
                fields.append(IDLField(name: name, documentation: token.documentation, type: try typeExpression()))
            } else {
                cases.append(name)
            }
            if case .symbol(",") = current.kind {
                _ = advance()
                continue
            }
            try expect(")")
            return isStruct == true ? .structure(fields) : .enumeration(cases)
        }
    }
}

/// The name rules of the grammar.
enum Names {
    static func isInterfaceName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2
            && parts.allSatisfy { part in
                guard let first = part.first, first.isLowercase || (parts.first != part && first.isNumber) else {
                    return false
                }
                return part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
    }

    static func isMemberName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isUppercase else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter, !name.hasSuffix("_"), !name.contains("__")
        else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
