import RiskCore
import RiskProtocol

extension MeetingInterface.Meeting {
    init(_ meeting: RiskCore.Meeting) {
        self.init(
            id: meeting.id,
            revision: meeting.revision,
            title: meeting.title,
            date: meeting.date.description,
            status: MeetingInterface.Status(meeting.status),
            createdBy: meeting.createdBy,
            publishedAt: meeting.publishedAt?.description,
            closedAt: meeting.closedAt?.description,
            cancelledAt: meeting.cancelledAt?.description,
            cancelReason: meeting.cancelReason
        )
    }
}

extension MeetingInterface.Item {
    init(_ item: MeetingItem) {
        self.init(
            id: item.id,
            meetingId: item.meetingId,
            number: item.number,
            title: item.title,
            organisations: item.organisations,
            decision: item.decision,
            checkId: item.checkId
        )
    }
}

extension MeetingInterface.Recusal {
    /// The recusal as the caller reads it: what they may see is decided before (`MeetingRecord.viewed`).
    init(_ recusal: RiskCore.Recusal) {
        self.init(
            id: recusal.id,
            meetingId: recusal.meetingId,
            itemId: recusal.itemId,
            declarant: recusal.declarant,
            interestId: recusal.interestId,
            kind: recusal.kind,
            organisation: recusal.organisation,
            match: MeetingInterface.Match(recusal.match),
            declaredInAdvance: recusal.declaredInAdvance,
            action: recusal.action.map(MeetingInterface.Action.init),
            quorate: recusal.quorate,
            note: recusal.note,
            recordedBy: recusal.recordedBy,
            reason: recusal.reason
        )
    }
}
