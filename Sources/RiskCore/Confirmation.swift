/// A board member's statement that their register of interests is complete, or that they have nothing to declare.
public struct Confirmation: Sendable, Hashable {
    /// The board member who confirmed: always the caller.
    public var declarant: String
    /// When.
    public var confirmedAt: Instant
    /// A nil return: the member has no interest to declare.
    public var nothingToDeclare: Bool

    /// A confirmation from its fields.
    public init(declarant: String, confirmedAt: Instant, nothingToDeclare: Bool) {
        self.declarant = declarant
        self.confirmedAt = confirmedAt
        self.nothingToDeclare = nothingToDeclare
    }
}
