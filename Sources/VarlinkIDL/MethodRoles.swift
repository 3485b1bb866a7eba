/// Who may call a method, read from the one `Roles:` line of its IDL comment, and what calling it is in people's
/// words, from its one `Does:` line (`# Does: adding a risk`), which a refusal quotes.
///
/// `# Roles: admin, board(own), auditor` grants `admin` and `auditor` every record and `board` its own records;
/// `# Roles: anyone` opens the method to every caller, with a role or without. The scopes are the marks of
/// riskd-varlink(7)'s role table: `yes` (written as the bare role), `own`, `self`, `visible`.
public struct MethodRoles: Sendable, Hashable {
    /// Whether every caller may call the method, whatever their roles.
    public var anyone: Bool
    /// Each role named, with its scope, in the order of the line.
    public var grants: [Grant]
    /// What a caller does by calling the method, as a gerund phrase in lower case: `adding a risk`.
    public var does: String = ""

    /// One role of a `Roles:` line.
    public struct Grant: Sendable, Hashable {
        /// The role's name, e.g. `board`.
        public var role: String
        /// `yes`, `own`, `self` or `visible`.
        public var scope: String
    }

    /// The scopes a role may be given besides the bare `yes`.
    public static let scopes: Set<String> = ["own", "self", "visible"]

    /// Reads the `Roles:` and `Does:` lines of `method`; a method without either, with two of one, or with one that
    /// does not parse is refused.
    public static func read(_ method: IDLMethod, interface: String, file: String) throws(IDLParseError) -> MethodRoles {
        var roles = try readRoles(method, interface: interface, file: file)
        roles.does = try readDoes(method, interface: interface, file: file)
        return roles
    }

    /// The phrase of the `Does:` line: lower case (it continues a sentence), one line, no full stop.
    private static func readDoes(_ method: IDLMethod, interface: String, file: String) throws(IDLParseError) -> String {
        guard
            let (phrase, line) = try DeclarationLine.single(
                "Does:",
                in: method.documentation,
                declaredOn: method.line,
                name: "method \(method.name)",
                file: file
            )
        else {
            throw IDLParseError(
                file: file,
                line: method.line,
                message: "method \(interface).\(method.name) has no `# Does:` line saying what calling it is in "
                    + "people's words; add one, e.g. `# Does: adding a risk`"
            )
        }
        guard let first = phrase.first, first.isLowercase, !phrase.hasSuffix("."),
            !phrase.contains("org."), !phrase.contains("\""), !phrase.contains("\\")
        else {
            throw IDLParseError(
                file: file,
                line: line,
                message: "the `# Does:` line is a phrase in lower case that continues a sentence, with no full stop, "
                    + "quote or protocol name, e.g. `# Does: adding a risk`"
            )
        }
        return phrase
    }

    private static func readRoles(
        _ method: IDLMethod,
        interface: String,
        file: String
    ) throws(IDLParseError) -> MethodRoles {
        guard
            let (list, line) = try DeclarationLine.single(
                "Roles:",
                in: method.documentation,
                declaredOn: method.line,
                name: "method \(method.name)",
                file: file
            )
        else {
            throw IDLParseError(
                file: file,
                line: method.line,
                message:
                    "method \(interface).\(method.name) has no `# Roles:` line; add one, e.g. `# Roles: admin`"
            )
        }
        if list == "anyone" { return MethodRoles(anyone: true, grants: []) }
        var grants: [Grant] = []
        for item in list.split(separator: ",").map({ String($0).trimmingSpaces }) {
            var role = item
            var scope = "yes"
            if let open = item.firstIndex(of: "("), item.hasSuffix(")") {
                role = String(item[..<open])
                scope = String(item[item.index(after: open)..<item.index(before: item.endIndex)])
                guard scopes.contains(scope) else {
                    throw IDLParseError(
                        file: file,
                        line: line,
                        message:
                            "`\(item)`: a role's scope is one of \(scopes.sorted().joined(separator: ", "))"
                    )
                }
            }
            guard let first = role.first, first.isLowercase,
                role.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
            else {
                throw IDLParseError(
                    file: file,
                    line: line,
                    message:
                        "`\(item)` is not a role: write `# Roles: anyone` or `# Roles: role, role(own), …`"
                )
            }
            guard !grants.contains(where: { $0.role == role }) else {
                throw IDLParseError(file: file, line: line, message: "role `\(role)` is named twice")
            }
            grants.append(Grant(role: role, scope: scope))
        }
        guard !grants.isEmpty else {
            throw IDLParseError(file: file, line: line, message: "the `# Roles:` line names no role")
        }
        return MethodRoles(anyone: false, grants: grants)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
