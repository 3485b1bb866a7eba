/// The board pack as values: every section the board reads, built from `BoardPackFacts` by `BoardPack.build` and
/// turned into HTML by the daemon's renderer (a replaceable template).
///
/// Everything here is already decided: ordering, withholding, which risk is above appetite. The renderer only
/// lays it out, so two packs from the same facts and viewer are equal values and render to the same bytes.
public struct BoardPack: Sendable, Hashable {
    /// The instant described.
    public var asOf: Instant
    /// The organisation's name (`[organisation] name`), for the title; nil when not configured.
    public var organisation: String?
    /// The confidential copy (admin, auditor): every declaration and recusal shown, each sensitive one marked.
    /// Otherwise the circulation copy, which withholds other members' sensitive entries from every reader.
    public var confidential: Bool
    /// How many board members there were at `asOf`: what "every board member" counts.
    public var boardSize: Int
    /// The audit chain head at `asOf`, for the footer.
    public var auditHead: String
    /// The bands the pack was built with (the heat maps colour each cell by the band of its score).
    public var scoring: ScoringPolicy
    /// Heat maps of inherent and current scores over the risks not closed at `asOf`.
    public var inherent: HeatMap
    /// The same risks by their current ratings (residual when both are set).
    public var current: HeatMap
    /// Risks whose current score is above their category's appetite, highest first: the first `listLimit`.
    public var aboveAppetite: [AppetiteBreach]
    /// How many risks are above appetite, listed or not.
    public var aboveAppetiteTotal: Int
    /// The ten highest current scores, highest first (ties by id), with their change over 90 days.
    public var highest: [RankedRisk]
    /// Risks whose review was due before the day of `asOf`, earliest first: the first `listLimit`.
    public var overdueReviews: [OverdueReview]
    /// How many reviews are overdue, listed or not.
    public var overdueReviewsTotal: Int
    /// Open actions due before the day of `asOf`, earliest first: the first `listLimit`.
    public var overdueActions: [OverdueAction]
    /// How many actions are overdue, listed or not.
    public var overdueActionsTotal: Int
    /// Findings open at `asOf` per rule, in the rules' order: the review rules evaluated on the register as it
    /// stood (as `review.Preview` does), not the last run's, so the pack never lists an overdue action beside "no
    /// finding is open".
    public var findings: [FindingCount]
    /// The code version in force at `asOf`, if one was published.
    public var codeVersion: Int?
    /// When the code in force was published.
    public var codePublishedOn: CalendarDate?
    /// Board members who have not acknowledged the code in force, due or not yet, by name.
    public var notAcknowledged: [MemberDue]
    /// Board members who never confirmed their declarations or are past their deadline, by name.
    public var notConfirmed: [MemberDue]
    /// Board members who confirmed their declarations by `asOf`, by name.
    public var confirmed: [String] = []
    /// Those of `confirmed` whose latest confirmation is signed with their own SSH key, by name: anyone can check
    /// it with OpenSSH alone (`audit.Attestations`).
    public var signedConfirmations: [String] = []
    /// Declarations in force, by declarant then id; entries the viewer may not read are withheld.
    public var declarations: [Declaration]
    /// A meeting's agenda with its recusals, when the pack was asked for one.
    public var agenda: Agenda?

    /// One 5 × 5 grid: `counts[likelihood - 1][impact - 1]`.
    public struct HeatMap: Sendable, Hashable {
        /// Risks per cell, by likelihood then impact, each from 1 at index 0.
        public var counts: [[Int]]
        /// Number of risks counted.
        public var total: Int

        /// An empty grid.
        public init() {
            counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
            total = 0
        }

        /// Counts one risk rated `likelihood` × `impact` (1…5 each; anything else is not counted).
        public mutating func count(likelihood: Int, impact: Int) {
            guard (1...5).contains(likelihood), (1...5).contains(impact) else { return }
            counts[likelihood - 1][impact - 1] += 1
            total += 1
        }
    }

    /// A risk as the pack's tables name it.
    public struct RiskLine: Sendable, Hashable {
        /// The risk's id (R-id).
        public var id: Int
        public var title: String
        public var category: String
        /// The owner's name, or the owner as recorded when it is not a known member.
        public var owner: String
        /// The current score at `asOf`, 1…25.
        public var score: Int
        /// The band of `score` under the pack's scoring.
        public var band: Severity
    }

    /// A risk above its category's appetite.
    public struct AppetiteBreach: Sendable, Hashable {
        public var risk: RiskLine
        /// The highest score the board tolerates in the risk's category.
        public var appetite: Int
    }

    /// One of the highest risks; `change` is nil when the risk did not exist 90 days before.
    public struct RankedRisk: Sendable, Hashable {
        public var risk: RiskLine
        /// Current score now minus current score 90 days before `asOf`.
        public var change: Int?
    }

    /// A risk whose review is overdue.
    public struct OverdueReview: Sendable, Hashable {
        public var risk: RiskLine
        /// The day the review was due.
        public var due: CalendarDate
    }

    /// An action past its due date.
    public struct OverdueAction: Sendable, Hashable {
        /// The action's id (A-id).
        public var id: Int
        /// The risk it treats.
        public var riskId: Int
        public var description: String
        public var owner: String
        /// The day it was due.
        public var due: CalendarDate
    }

    /// How many findings of one rule are open.
    public struct FindingCount: Sendable, Hashable {
        /// The rule's name, e.g. `risk-review-overdue`.
        public var rule: String
        /// What it finds, in words: "Risk reviews overdue".
        public var title: String
        public var count: Int
    }

    /// A board member and the day they should do, or should have done, something by.
    public struct MemberDue: Sendable, Hashable {
        public var user: String
        /// Their name (the login when none is known).
        public var name: String
        /// nil for a role holder who has not used riskd yet: nothing is due from them until they do.
        public var due: CalendarDate?
        /// Whether `due` is before the day of `asOf`.
        public var overdue: Bool
        /// For confirmations: the member never confirmed.
        public var never: Bool
    }

    /// A declaration as the viewer may read it: a withheld one keeps its declarant only.
    public struct Declaration: Sendable, Hashable {
        /// The interest's id (I-id); 0 when withheld.
        public var id: Int
        /// The declarant's name (the login when none is known).
        public var declarant: String
        /// Marked in the confidential copy; a sensitive entry of another member never reaches the circulation copy.
        public var sensitive: Bool
        /// The kind in words, or "withheld".
        public var kind: String
        public var organisation: String
        /// When the interest began; nil when withheld.
        public var startedOn: CalendarDate?
        /// Whether a management plan was recorded by `asOf`.
        public var managed: Bool
        /// Whether the viewer may not read the entry.
        public var withheld: Bool
    }
}
