import RiskCore
import RiskProtocol
import RiskStore

// The meeting, concern and mail enums and their wire twins, each a `switch` (see ProtocolConversions+Enums.swift):
// a case added on one side only is a compile error, never a silently wrong value on the wire.

extension MeetingInterface.Status {
    init(_ status: Meeting.Status) {
        switch status {
        case .draft: self = .draft
        case .published: self = .published
        case .closed: self = .closed
        case .cancelled: self = .cancelled
        }
    }
}

extension MeetingInterface.Match {
    init(_ match: Recusal.Match) {
        switch match {
        case .exact: self = .exact
        case .alias: self = .alias
        case .possible: self = .possible
        case .declaredAtMeeting: self = .declared_at_meeting
        }
    }
}

extension MeetingInterface.Action {
    init(_ action: Recusal.Action) {
        switch action {
        case .leftRoom: self = .left_room
        case .stayedNoVote: self = .stayed_no_vote
        case .stayedTookPart: self = .stayed_took_part
        case .absent: self = .absent
        case .notAConflict: self = .not_a_conflict
        }
    }
}

extension ConcernInterface.Kind {
    init(_ kind: Concern.Kind) {
        switch kind {
        case .undeclaredInterest: self = .undeclared_interest
        case .breachOfCode: self = .breach_of_code
        case .other: self = .other
        }
    }
}

extension ConcernInterface.Status {
    init(_ status: Concern.Status) {
        switch status {
        case .open: self = .open
        case .upheld: self = .upheld
        case .notUpheld: self = .not_upheld
        case .withdrawn: self = .withdrawn
        }
    }
}

extension MailInterface.State {
    init(_ state: MailState) {
        switch state {
        case .queued: self = .queued
        case .sending: self = .sending
        case .sent: self = .sent
        case .failed: self = .failed
        case .uncertain: self = .uncertain
        case .dropped: self = .dropped
        case .bounced: self = .bounced
        }
    }
}
