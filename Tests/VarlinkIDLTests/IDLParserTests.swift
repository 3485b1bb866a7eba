import Testing
import VarlinkIDL

@Suite struct IDLParserTests {
    @Test func readsTheWholeGrammar() throws {
        let text = """
            # Doc of the interface.
            interface org.example.grammar

            # A struct with everything.
            type Everything (
                # A nested struct, nullable.
                nested: ?(inner: (deep: []?int), flag: bool),
                map: [string]float,
                set: [string](),
                any: object,
                list: ?[]Mood
            )

            type Mood (calm, restless)

            # Roles: anyone
            method Noop() -> ()
            """
        let interface = try IDLParser.parse(text, file: "grammar.varlink")
        #expect(interface.name == "org.example.grammar")
        #expect(interface.documentation == ["Doc of the interface."])
        #expect(interface.types.map(\.name) == ["Everything", "Mood"])
        guard case .structure(let fields) = interface.types[0].type else {
            Issue.record("Everything is not a struct")
            return
        }
        #expect(fields.map(\.name) == ["nested", "map", "set", "any", "list"])
        #expect(fields[0].documentation == ["A nested struct, nullable."])
        #expect(fields[1].type == .map(.float))
        #expect(fields[2].type == .stringSet)
        #expect(fields[3].type == .object)
        #expect(fields[4].type == .optional(.array(.named("Mood"))))
        #expect(interface.types[1].type == .enumeration(["calm", "restless"]))
        #expect(interface.methods.first?.documentation == ["Roles: anyone"])
    }

    @Test(arguments: [
        ("interface org.example.bad\nmethod F(a: Unknown) -> ()\n", 2, "type `Unknown` is not declared"),
        ("interface org.example.bad\n\ntype T (a: ??int)\n", 3, "`??` is not a type: a value is nullable once"),
        ("interface org.example.bad\ntype T (a: int, b)\n", 2, "`b`: a list is either all"),
        ("interface org.example.bad\nmethod F() -> ()\nmethod F() -> ()\n", 3, "`F` is already declared on line 2"),
        ("interface org.example.bad\ntype T ([int]string)\n", 2, "expected a field name"),
        ("interface org.example.bad\n\n\nmethod F() - ()\n", 4, "expected `->`"),
        ("type T ()\n", 1, "the file must start with `interface NAME`"),
    ])
    func refusesWhatItCannotRepresent(text: String, line: Int, message: String) {
        #expect {
            try IDLParser.parse(text, file: "bad.varlink")
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.line == line && error.message.hasPrefix(message) && error.file == "bad.varlink"
        }
    }

    @Test func aMethodWithoutARolesLineIsRefusedNamingItsLine() throws {
        let text = """
            interface org.example.throwaway

            # Does: keeping
            # Roles: admin
            method Kept() -> ()

            # A method someone forgot to give roles.
            # Does: forgetting
            method Forgotten() -> ()
            """
        let interface = try IDLParser.parse(text, file: "throwaway.varlink")
        #expect {
            try SwiftEmitter.source(for: interface, text: text, file: "throwaway.varlink")
        } throws: { error in
            "\(error)" == "throwaway.varlink:9: error: method org.example.throwaway.Forgotten has no `# Roles:` line; "
                + "add one, e.g. `# Roles: admin`"
        }
    }

    @Test(arguments: [
        ("# Roles: admin\nmethod M() -> ()", 5, "method org.example.does.M has no `# Does:` line"),
        ("# Does: doing\n# Does: again\n# Roles: admin\nmethod M() -> ()", 5, "method M has a second `# Does:`"),
        ("# Does: Adding a risk.\n# Roles: admin\nmethod M() -> ()", 4, "the `# Does:` line is a phrase"),
        ("# Does: calling org.riskd.risk.Add\n# Roles: admin\nmethod M() -> ()", 4, "the `# Does:` line is a phrase"),
    ])
    func aMethodWithoutOneDoesLineIsRefusedNamingItsLine(lines: String, line: Int, message: String) throws {
        let text = "interface org.example.does\n\n# A method.\n\(lines)\n"
        let interface = try IDLParser.parse(text, file: "does.varlink")
        #expect {
            try SwiftEmitter.source(for: interface, text: text, file: "does.varlink")
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.line == line && error.message.hasPrefix(message)
        }
    }

    @Test(arguments: [
        ("# Roles: admin, board(maybe)", "`board(maybe)`: a role's scope is one of own, self, visible"),
        ("# Roles: Admin", "`Admin` is not a role"),
        ("# Roles: admin, admin", "role `admin` is named twice"),
    ])
    func aMalformedRolesLineIsRefusedNamingItsLine(line: String, message: String) throws {
        let text = "interface org.example.roles\n\n# A method.\n\(line)\n# Does: doing\nmethod M() -> ()\n"
        let interface = try IDLParser.parse(text, file: "roles.varlink")
        #expect {
            try SwiftEmitter.source(for: interface, text: text, file: "roles.varlink")
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.line == 4 && error.message.hasPrefix(message)
        }
    }

    @Test func theGeneratedSourceEmbedsTheTextExactly() throws {
        let text =
            "interface org.example.raw\n\n# Says \"#\" and \\ once.\n# Does: saying\n# Roles: anyone\nmethod M() -> ()\n"
        let interface = try IDLParser.parse(text, file: "raw.varlink")
        let source = try SwiftEmitter.source(for: interface, text: text, file: "raw.varlink")
        #expect(source.contains("##\"\"\"\n" + text + "\n\"\"\"##"))
    }

    @Test(
        "A Work: line says short or long, once; a method without one is short",
        arguments: [
            ("# Work: long", nil, "MethodWork.long"),
            ("# Work: short", nil, "MethodWork.short"),
            ("# A plain method.", nil, "MethodWork.short"),
            ("# Work: sometimes", 6, "`# Work: sometimes`: a method's work is short or long"),
            ("# Work: long\n# Work: long", 7, "method M has a second `# Work:` line"),
        ] as [(String, Int?, String)]
    )
    func workLine(line: String, faultLine: Int?, expected: String) throws {
        let text =
            "interface org.example.work\n\n# A method.\n# Does: doing\n# Roles: admin\n\(line)\nmethod M() -> ()\n"
        let interface = try IDLParser.parse(text, file: "work.varlink")
        guard let faultLine else {
            let source = try SwiftEmitter.source(for: interface, text: text, file: "work.varlink")
            #expect(source.contains("public static let work = \(expected)"))
            #expect(!source.contains("/// Work:"))
            return
        }
        #expect {
            try SwiftEmitter.source(for: interface, text: text, file: "work.varlink")
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.line == faultLine && error.message == expected
        }
    }

    @Test(
        "Every error has one Category: line of the known words",
        arguments: [
            ("# Category: not-found", nil, "ErrorCategory.notFound"),
            ("# Category: invalid-input", nil, "ErrorCategory.invalidInput"),
            ("# Category: conflict", nil, "ErrorCategory.conflict"),
            ("# Category: permission-denied", nil, "ErrorCategory.permissionDenied"),
            ("# Category: failure", nil, "ErrorCategory.failure"),
            ("# No category.", 5, "error org.example.category.Gone has no `# Category:` line"),
            ("# Category: missing", 4, "`# Category: missing`: an error's category is one of not-found, "),
            ("# Category: failure\n# Category: failure", 5, "error Gone has a second `# Category:` line"),
        ] as [(String, Int?, String)]
    )
    func categoryLine(line: String, faultLine: Int?, expected: String) throws {
        let text = "interface org.example.category\n\n# Gone.\n\(line)\nerror Gone (id: int)\n"
        let interface = try IDLParser.parse(text, file: "category.varlink")
        guard let faultLine else {
            let source = try SwiftEmitter.source(for: interface, text: text, file: "category.varlink")
            #expect(source.contains("public static let category = \(expected)"))
            let catalog = try SwiftEmitter.catalogSource(for: [interface], files: ["category.varlink"])
            #expect(catalog.contains("case .gone: .\(expected.dropFirst("ErrorCategory.".count))"))
            return
        }
        #expect {
            try SwiftEmitter.source(for: interface, text: text, file: "category.varlink")
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.line == faultLine && error.message.hasPrefix(expected)
        }
    }

    @Test(
        "An error of one name is the same in every interface that declares it",
        arguments: [
            ("# Category: not-found\nerror Gone (id: int)", nil),
            ("# Category: conflict\nerror Gone (id: int)", "error Gone differs from the one org.example.a declares"),
            ("# Category: not-found\nerror Gone (id: string)", "error Gone differs from the one org.example.a"),
            ("# Category: not-found\nerror Gone (key: int)", "error Gone differs from the one org.example.a"),
            (
                "type T (a, b)\n# Category: not-found\nerror Gone (id: T)",
                "error Gone: field `id` is a struct or an enum"
            ),
        ] as [(String, String?)]
    )
    func sharedErrors(second: String, message: String?) throws {
        let first = try IDLParser.parse(
            "interface org.example.a\n# Category: not-found\nerror Gone (id: int)\n",
            file: "a"
        )
        let other = try IDLParser.parse("interface org.example.b\n\(second)\n", file: "b")
        guard let message else {
            let catalog = try SwiftEmitter.catalogSource(for: [first, other], files: ["a", "b"])
            #expect(catalog.contains("case AInterface.Gone.qualifiedName, BInterface.Gone.qualifiedName:"))
            #expect(catalog.contains("public func gone(id: Int) -> VarlinkError {"))
            return
        }
        #expect {
            try SwiftEmitter.catalogSource(for: [first, other], files: ["a", "b"])
        } throws: { error in
            guard let error = error as? IDLParseError else { return false }
            return error.file == "b" && error.message.hasPrefix(message)
        }
    }
}
