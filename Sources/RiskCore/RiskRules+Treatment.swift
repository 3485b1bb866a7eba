extension RiskRules {
    /// The status a risk's actions give it: the one rule behind `open` and `mitigating`, which the store applies
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
}
