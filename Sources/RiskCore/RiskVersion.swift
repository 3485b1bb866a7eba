/// What kind of change made a version of a risk.
public enum RiskChange: String, Sendable, Hashable, CaseIterable {
    case created, imported, updated, reviewed, accepted, lapsed, closed, reopened
}

/// A risk as it stood after one change: the whole risk, when, who, what kind of change, and the note given.
///
/// Every change to a risk stores one, so the register can be read as of any time: each risk as its last version at
/// or before that time (`RiskVersion.asOf`); a risk created later is absent.
public struct RiskVersion: Sendable, Hashable {
    public var risk: Risk
    public var at: Instant
    /// The user who made the change, or `riskd` for one the daemon made itself (a lapse).
    public var actor: String
    public var change: RiskChange
    public var note: String?

    public init(risk: Risk, at: Instant, actor: String, change: RiskChange, note: String? = nil) {
        self.risk = risk
        self.at = at
        self.actor = actor
        self.change = change
        self.note = note
    }

    /// The actor of the changes riskd makes by itself.
    public static let daemonActor = "riskd"

    /// The register as it stood at `asOf`: of each risk, its last version at or before that time, by risk id.
    ///
    /// `versions` may come in any order; of two versions at the same time the later in the list wins (the store
    /// passes them in the order they were written).
    public static func asOf(_ asOf: Instant, _ versions: [RiskVersion]) -> [Risk] {
        var latest: [Int: RiskVersion] = [:]
        for version in versions where version.at <= asOf {
            if let known = latest[version.risk.id], known.at > version.at { continue }
            latest[version.risk.id] = version
        }
        return latest.values.map(\.risk).sorted { $0.id < $1.id }
    }
}
