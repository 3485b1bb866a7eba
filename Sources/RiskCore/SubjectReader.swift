/// Who reads records that name other records by subject (`concern:N`, `interest:N`): audit entries and review
/// findings. A reader never learns of a record they may not read through an entry, a finding, or a count of
/// them.
public struct SubjectReader: Sendable, Hashable {
    public var user: String
    /// An administrator or auditor: reads every concern but those about them.
    public var keepsRegister: Bool
    /// What the reader may see of the register of interests.
    public var interests: InterestViewer

    public init(user: String, keepsRegister: Bool, interests: InterestViewer) {
        self.user = user
        self.keepsRegister = keepsRegister
        self.interests = interests
    }

    /// The subjects, among `concerns` and the declarations `interests`, that the reader may not read: decided by the
    /// same rules as the concerns' and interests' own methods (`ConcernRules.mayRead`, `InterestViewer.maySee`).
    /// The store reads the rows and binds the answer in the same read, so that no record is read in between.
    public func hidden(
        concerns: [Concern],
        interests declarations: [(id: Int, declarant: String, sensitive: Bool)]
    ) -> [String] {
        var hidden: [String] = []
        for concern in concerns where !ConcernRules.mayRead(concern, user: user, keepsRegister: keepsRegister) {
            hidden.append(ConcernAudit.subject(concern.id))
        }
        for declaration in declarations
        where !interests.maySee(declarant: declaration.declarant, sensitive: declaration.sensitive) {
            hidden.append(InterestAudit.subject(declaration.id))
        }
        return hidden
    }
}
