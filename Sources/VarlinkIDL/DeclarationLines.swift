/// The `Key: value` lines of a declaration's comment that the generator reads (`Work:`, `Category:`), besides the
/// `Roles:` and `Does:` lines of `MethodRoles`; they are left out of the generated documentation.
enum DeclarationLine {
    /// The keys of the lines the generator reads.
    static let keys = ["Roles:", "Does:", "Work:", "Category:"]

    /// The value of the one `key` line of `documentation` and its line in the file; `nil` when there is none, an
    /// error naming the second one when there are two.
    static func single(
        _ key: String,
        in documentation: [String],
        declaredOn line: Int,
        name: String,
        file: String
    ) throws(IDLParseError) -> (value: String, line: Int)? {
        // The comment lines sit directly above the declaration, one per line.
        let firstLine = line - documentation.count
        let lines = documentation.enumerated().filter { $0.element.hasPrefix(key) }
        guard let (offset, text) = lines.first else { return nil }
        guard lines.count == 1 else {
            throw IDLParseError(
                file: file,
                line: firstLine + lines[1].offset,
                message: "\(name) has a second `# \(key)` line"
            )
        }
        return (String(text.dropFirst(key.count)).trimmingSpaces, firstLine + offset)
    }
}

/// How long a method's work may take, from its optional `# Work: long` line beside `Roles:`: a method that scans a
/// table or grows with the register is `long`, and the daemon runs it off the connection's event loop
/// (docs/concurrency.md). Without the line a method is `short`.
enum MethodWorkLine {
    /// The values a `Work:` line may have.
    static let values = ["short", "long"]

    /// `short` or `long`, the Swift case of `MethodWork`.
    static func read(_ method: IDLMethod, file: String) throws(IDLParseError) -> String {
        guard
            let (value, line) = try DeclarationLine.single(
                "Work:",
                in: method.documentation,
                declaredOn: method.line,
                name: "method \(method.name)",
                file: file
            )
        else { return "short" }
        guard values.contains(value) else {
            throw IDLParseError(file: file, line: line, message: "`# Work: \(value)`: a method's work is short or long")
        }
        return value
    }
}

/// What kind of failure an error is, from the `# Category:` line every error declares: what a client does with it
/// (riskctl: its exit status) without knowing its name. Errors of the same name in several interfaces are one error
/// and must agree.
enum ErrorCategoryLine {
    /// The words of a `Category:` line and the Swift case of `ErrorCategory` each stands for.
    static let cases: [(word: String, swiftCase: String)] = [
        ("not-found", "notFound"), ("invalid-input", "invalidInput"), ("conflict", "conflict"),
        ("permission-denied", "permissionDenied"), ("failure", "failure"),
    ]

    /// The Swift case of the error's category.
    static func read(_ error: IDLError, interface: String, file: String) throws(IDLParseError) -> String {
        guard
            let (value, line) = try DeclarationLine.single(
                "Category:",
                in: error.documentation,
                declaredOn: error.line,
                name: "error \(error.name)",
                file: file
            )
        else {
            throw IDLParseError(
                file: file,
                line: error.line,
                message: "error \(interface).\(error.name) has no `# Category:` line; add one, e.g. "
                    + "`# Category: not-found` (one of \(cases.map(\.word).joined(separator: ", ")))"
            )
        }
        guard let category = cases.first(where: { $0.word == value }) else {
            throw IDLParseError(
                file: file,
                line: line,
                message: "`# Category: \(value)`: an error's category is one of "
                    + cases.map(\.word).joined(separator: ", ")
            )
        }
        return category.swiftCase
    }
}
