import RiskCore
import RiskProtocol
import RiskStore

// Domain enums and their wire twins, converted with a `switch` each way: a case added on one side and not the
// other is a compile error here, never a silently wrong value on the wire.

extension RiskInterface.Severity {
    init(_ severity: RiskCore.Severity) {
        switch severity {
        case .low: self = .low
        case .medium: self = .medium
        case .high: self = .high
        case .critical: self = .critical
        }
    }
}

extension RiskInterface.RiskStatus {
    init(_ status: RiskCore.RiskStatus) {
        switch status {
        case .open: self = .open
        case .mitigating: self = .mitigating
        case .accepted: self = .accepted
        case .closed: self = .closed
        }
    }
}

extension RiskInterface.RiskChange {
    init(_ change: RiskCore.RiskChange) {
        switch change {
        case .created: self = .created
        case .imported: self = .imported
        case .updated: self = .updated
        case .reviewed: self = .reviewed
        case .accepted: self = .accepted
        case .lapsed: self = .lapsed
        case .closed: self = .closed
        case .reopened: self = .reopened
        }
    }
}

extension RiskInterface.ActionStatus {
    init(_ status: RiskCore.ActionStatus) {
        switch status {
        case .open: self = .open
        case .done: self = .done
        case .cancelled: self = .cancelled
        }
    }
}

extension RiskCore.ActionStatus {
    init(_ status: RiskInterface.ActionStatus) {
        switch status {
        case .open: self = .open
        case .done: self = .done
        case .cancelled: self = .cancelled
        }
    }
}

extension RiskCore.CloseReason {
    init(_ reason: RiskInterface.CloseReason) {
        switch reason {
        case .mitigated: self = .mitigated
        case .retired: self = .retired
        case .rejected: self = .rejected
        case .cancelled: self = .cancelled
        case .insignificant: self = .insignificant
        }
    }
}

extension OrganisationInterface.Kind {
    init(_ kind: OrganisationKind) {
        switch kind {
        case .member: self = .member
        case .funder: self = .funder
        case .government: self = .government
        case .international: self = .international
        case .network: self = .network
        case .ngo: self = .ngo
        case .company: self = .company
        case .other: self = .other
        }
    }
}

extension OrganisationInterface.Level {
    init(_ level: StakeLevel) {
        switch level {
        case .low: self = .low
        case .medium: self = .medium
        case .high: self = .high
        }
    }
}

extension InterestInterface.Kind {
    init(_ kind: InterestKind) {
        switch kind {
        case .financial: self = .financial
        case .employment: self = .employment
        case .governance: self = .governance
        case .funding: self = .funding
        case .family: self = .family
        case .gift: self = .gift
        case .other: self = .other
        }
    }
}

extension InterestInterface.Status {
    init(_ status: InterestStatus) {
        switch status {
        case .declared: self = .declared
        case .managed: self = .managed
        case .ended: self = .ended
        }
    }
}

extension InterestInterface.Match {
    init(_ match: NameMatching.Match) {
        switch match {
        case .exact: self = .exact
        case .alias: self = .alias
        case .possible: self = .possible
        }
    }
}

extension ReviewInterface.Severity {
    init(_ severity: FindingSeverity) {
        switch severity {
        case .warning: self = .warning
        case .critical: self = .critical
        case .notice: self = .notice
        }
    }
}

extension ReviewInterface.Trigger {
    init(_ trigger: ReviewRunner.Trigger) {
        switch trigger {
        case .schedule: self = .schedule
        case .startup: self = .startup
        case .manual: self = .manual
        }
    }
}

extension ReviewInterface.Event {
    init(_ kind: FindingEvent.Kind) {
        switch kind {
        case .raised: self = .raised
        case .reminded: self = .reminded
        case .resolved: self = .resolved
        }
    }
}

extension ReviewInterface.Severity {
    /// The severity of a stored finding; a value riskd never writes is a damaged row, not a warning.
    init(stored: String) throws {
        guard let severity = FindingSeverity(rawValue: stored) else {
            throw UnreadableRecord(column: "finding.severity", value: stored)
        }
        self.init(severity)
    }
}

extension ReviewInterface.Trigger {
    /// The trigger of a stored review run; a value riskd never writes is a damaged row.
    init(stored: String) throws {
        guard let trigger = ReviewRunner.Trigger(rawValue: stored) else {
            throw UnreadableRecord(column: "review_run.trigger", value: stored)
        }
        self.init(trigger)
    }
}

/// A stored value that is not one of its column's values: the database was changed by hand or is damaged.
struct UnreadableRecord: Error, CustomStringConvertible {
    let column: String
    let value: String

    var description: String { "the database holds \(column) \"\(value)\", which riskd does not know" }
}
