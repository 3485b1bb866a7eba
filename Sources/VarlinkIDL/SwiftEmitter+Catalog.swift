extension SwiftEmitter {
    /// The Swift source of the module's catalog: every interface, who may call every method, and the types that
    /// say it (`MethodRole`, `RoleScope`, `MethodPolicy`), and every error as a `ProtocolError`.
    public static func catalogSource(for interfaces: [IDLInterface], files: [String]) throws(IDLParseError) -> String {
        var roles = Set<String>()
        var policies: [String] = []
        for (interface, file) in zip(interfaces, files) {
            for method in interface.methods {
                let methodRoles = try MethodRoles.read(method, interface: interface.name, file: file)
                roles.formUnion(methodRoles.grants.map(\.role))
                policies.append(
                    "\"\(interface.name).\(method.name)\": \(namespace(of: interface.name)).\(method.name).policy"
                )
            }
        }
        let roleCases = roles.sorted().map { "    case \($0)" }
        var lines = [
            "// Generated from the module's IDL files by VarlinkGenerator. Do not edit: change the IDL files.",
            "import Varlink",
            "",
            "/// A role named in the `Roles:` line of a method.",
            roles.isEmpty
                ? "public enum MethodRole: Sendable, Hashable, CaseIterable {"
                : "public enum MethodRole: String, Sendable, Hashable, CaseIterable {",
        ]
        lines += roleCases
        lines += [
            "}",
            "",
            "/// How much of a method a role may use; the raw values are the marks of riskd-varlink(7)'s role table.",
            "public enum RoleScope: String, Sendable, Hashable, CaseIterable {",
            "    /// Every record (`admin` in a `Roles:` line).",
            "    case every = \"yes\"",
            "    /// The caller's own records only (`board(own)`).",
            "    case own",
            "    /// Always acting as the caller, who is the subject of the record (`board(self)`).",
            "    case caller = \"self\"",
            "    /// The records the caller may see (`board(visible)`).",
            "    case visible",
            "}",
            "",
            "/// Who may call one method: read from its `Roles:` line, used by the daemon to authorize a call and by",
            "/// clients to word a refusal.",
            "public struct MethodPolicy: Sendable, Hashable {",
            "    /// `interface.Method`.",
            "    public let method: String",
            "    /// Whether every caller may call it, with a role or without (`Roles: anyone`).",
            "    public let anyone: Bool",
            "    /// The roles that may call it, each with its scope; a role not named may not.",
            "    public let grants: [MethodRole: RoleScope]",
            "    /// What calling it is in people's words, from its `Does:` line: `adding a risk`.",
            "    public let does: String",
            "",
            "    /// Creates a policy; only generated code needs to.",
            "    public init(method: String, anyone: Bool, grants: [MethodRole: RoleScope], does: String) {",
            "        self.method = method",
            "        self.anyone = anyone",
            "        self.grants = grants",
            "        self.does = does",
            "    }",
            "}",
            "",
            "/// The interfaces of the module, one case each, for a `switch` that must name them all.",
            "public enum ProtocolInterface: String, Sendable, Hashable, CaseIterable {",
        ]
        lines += interfaces.map { "    case \(interfaceCase($0.name)) = \"\($0.name)\"" }
        lines += [
            "}",
            "",
            "/// Every interface of the module, in the order of its IDL files, and the policy of every method.",
            "public enum ProtocolCatalog {",
            "    /// The interface definitions, as `org.varlink.service.GetInfo` lists them.",
            "    public static let interfaces: [VarlinkInterfaceDefinition] = [",
        ]
        lines += interfaces.map { "        \(namespace(of: $0.name)).definition," }
        lines += [
            "    ]", "", "    /// The policy of every method, by `interface.Method`.",
            "    public static let policies: [String: MethodPolicy] = [",
        ]
        lines += policies.isEmpty ? ["        :"] : policies.map { "        \($0)," }
        lines += ["    ]", "}"]
        lines += try errorCatalogLines(interfaces, files: files)
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
