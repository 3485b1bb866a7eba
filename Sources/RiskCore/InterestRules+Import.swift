extension InterestRules {
    /// One existing declaration to enter on a board member's behalf, as `importDeclarations` takes it.
    public struct ImportedDeclaration: Sendable, Hashable {
        /// User name of the board member who holds the interest.
        public var declarant: String
        /// The declaration as the member would have made it.
        public var draft: InterestDraft

        /// A declaration of `declarant`.
        public init(declarant: String, draft: InterestDraft) {
            self.declarant = declarant
            self.draft = draft
        }
    }

    /// The most declarations one `Import` may carry.
    public static let maximumImport = 10_000

    /// The interests of an import at the register's opening, checked all together: every element is checked, and
    /// a refusal names the first bad one (`interests[3].startedOn`) with every other bad one in its reason, so that
    /// all of them can be corrected at once.
    ///
    /// - Parameters:
    ///   - board: the uid of each holder of the board role now; a declarant must be one of them.
    ///   - joined: the day each member joined the board, when recorded (lateness counts from it too).
    public static func importDeclarations(
        _ declarations: [ImportedDeclaration],
        board: [String: Int],
        joined: [String: CalendarDate],
        now: Instant,
        today: CalendarDate,
        policy: InterestPolicy
    ) throws(DomainError) -> [Interest] {
        guard !declarations.isEmpty else { throw .invalidValue("interests", "is empty: nothing to import") }
        guard declarations.count <= maximumImport else {
            throw .invalidValue("interests", "holds \(declarations.count) declarations; at most \(maximumImport)")
        }
        var interests: [Interest] = []
        var problems: [(field: String, reason: String)] = []
        for (index, declaration) in declarations.enumerated() {
            let path = "interests[\(index)]"
            guard let uid = board[declaration.declarant] else {
                problems.append(("\(path).declarant", "'\(declaration.declarant)' does not hold the board role"))
                continue
            }
            do {
                interests.append(
                    try declare(
                        declaration.draft,
                        declarant: declaration.declarant,
                        declarantUID: uid,
                        now: now,
                        today: today,
                        policy: policy,
                        joinedOn: joined[declaration.declarant]
                    )
                )
            } catch {
                problems.append(("\(path).\(error.field)", error.reason))
            }
        }
        guard let first = problems.first else { return interests }
        let others = problems.dropFirst().map { "\($0.field): \($0.reason)" }
        throw .invalidValue(
            first.field,
            others.isEmpty
                ? first.reason
                : "\(first.reason); also \(others.joined(separator: "; "))"
        )
    }
}
