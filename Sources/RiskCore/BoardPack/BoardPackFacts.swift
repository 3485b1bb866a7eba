/// What the board pack is built from: the register as it stood at one instant, read in one transaction.
///
/// The store fills it (`RiskDatabase.boardPackFacts(asOf:reader:)`) from what it had recorded by `asOf`, tests build
/// it by hand. Who is on the board is who riskd had seen hold the board role then (`unseenBoard` aside, which only a
/// pack of today or later has).
public struct BoardPackFacts: Sendable, Hashable {
    /// The instant the pack describes.
    public var asOf: Instant
    /// Hash of the last audit entry at or before `asOf` (64 zeros before the first).
    public var auditHead: String
    /// The review rules' view of the register at `asOf`: risks not closed, open actions, active declarations,
    /// members, the code in force and the appetites then set.
    public var register: ReviewSnapshot
    /// Current score of each risk as it stood at `asOf` − 90 days, by id; a risk absent did not exist then.
    public var earlierScores: [Int: Int]
    /// Findings open at `asOf`, counted by rule name.
    public var openFindings: [String: Int]
    /// The declarations in force at `asOf`, whoever may read them (the builder withholds).
    public var declarations: [Interest]
    /// The subjects (`concern:N`, `interest:N`) of records the pack's reader may not read: no finding about them
    /// is counted, so a count cannot tell a member of a concern about them or of an interest hidden from them.
    public var hiddenSubjects: Set<String>
    /// Holders of the board role riskd has never seen (they never called it): counted among the board, as "has not
    /// used riskd yet". Filled for a pack of the present only: riskd cannot know who held the role on a past day.
    public var unseenBoard: [String] = []

    public init(
        asOf: Instant,
        auditHead: String,
        register: ReviewSnapshot,
        earlierScores: [Int: Int] = [:],
        openFindings: [String: Int] = [:],
        declarations: [Interest] = [],
        hiddenSubjects: Set<String> = []
    ) {
        self.hiddenSubjects = hiddenSubjects
        self.asOf = asOf
        self.auditHead = auditHead
        self.register = register
        self.earlierScores = earlierScores
        self.openFindings = openFindings
        self.declarations = declarations
    }

    /// How far back the change of score of the highest risks looks.
    public static let scoreChangeDays = 90
}
