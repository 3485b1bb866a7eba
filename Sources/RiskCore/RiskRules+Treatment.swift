extension RiskRules {
    /// The status a risk's actions give it: the one rule behind `open` and `mitigating`, which `RiskService` applies
    /// on every change of an action and which `risk-untreated` agrees with.
    ///
    /// A risk that is open or mitigating is `mitigating` while it has an open action and `open` once it has none
    /// (the last one done or cancelled). An accepted or closed risk keeps its status: acceptance and closure are
    /// decisions, not the state of its actions.
    ///
    /// - Parameter openActions: how many of the risk's actions are open, after the change.
    public static func treatmentStatus(of status: RiskStatus, openActions: Int) -> RiskStatus {
        switch status {
        case .accepted, .closed: status
        case .open, .mitigating: openActions > 0 ? .mitigating : .open
        }
    }

    /// `treatmentStatus`, with the open actions counted only when they decide (a risk open or mitigating).
    public static func treatmentStatus(
        of status: RiskStatus,
        openActions: () throws -> Int
    ) rethrows -> RiskStatus {
        switch status {
        case .accepted, .closed: status
        case .open, .mitigating: treatmentStatus(of: status, openActions: try openActions())
        }
    }

    /// `risk` with the status its actions now give it (`treatmentStatus`), as a new revision at `now`; `nil` when
    /// the status stays.
    public static func treated(_ risk: Risk, now: Instant, openActions: () throws -> Int) rethrows -> Risk? {
        let status = try treatmentStatus(of: risk.status, openActions: openActions)
        guard status != risk.status else { return nil }
        var treated = risk
        treated.status = status
        treated.revision += 1
        treated.updatedAt = now
        return treated
    }

    /// The note of the version in which action `action`'s change gave its risk `status`.
    public static func treatmentNote(_ status: RiskStatus, action: Int) -> String {
        "\(status.rawValue): action A-\(action) changed"
    }
}
