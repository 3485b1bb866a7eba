import RiskCore
import RiskProtocol
import RiskStore

extension MeetingService {
    /// The secretariat's agenda: create a meeting, add its items, publish, close or cancel it. Each method runs its
    /// story in one write: fetch, `MeetingRules`, save, audit (`MeetingAudit`), queue notices, snapshot the history.
    func registerAgenda(_ table: inout MethodTable) {
        table.on(MeetingInterface.Create.self) { parameters, request in
            let meeting = try MeetingRules.create(
                title: parameters.title,
                date: parameters.date,
                by: request.caller.user
            )
            let stored = try await context.database.write(request.actor) { tx in
                let stored = try tx.insert(meeting)
                try tx.audit(MeetingAudit.subject(stored.id), MeetingAudit.created(stored))
                try tx.recordHistory(ofMeeting: stored.id)
                return stored
            }
            return .init(meeting: .init(stored))
        }
        table.on(MeetingInterface.AddItem.self) { parameters, request in
            // The title first: the organisations' check would otherwise name it `matter`.
            _ = try FieldRules.requiredText(parameters.title, field: "title", limit: MeetingRules.titleLimit)
            let organisations =
                parameters.organisations.isEmpty
                ? []
                : try ConflictRules.request(
                    organisations: parameters.organisations,
                    matter: parameters.title,
                    maximumNames: context.configuration.interests.maxOrganisationsPerCheck
                ).organisations
            let item = try await context.database.write(request.actor) { tx in
                let meeting = try tx.meeting(parameters.meetingId)
                var item = try tx.insert(
                    MeetingRules.item(
                        of: meeting,
                        count: try tx.itemCount(ofMeeting: meeting.id),
                        title: parameters.title,
                        organisations: organisations,
                        decision: parameters.decision
                    )
                )
                try tx.touchMeeting(meeting.id)
                try tx.audit(MeetingAudit.subject(meeting.id), MeetingAudit.itemAdded(item))
                // An item added to a published meeting is checked at once, and its conflicts become recusals.
                if meeting.status == .published, item.isChecked {
                    item = try Self.check(tx, item, of: meeting, today: request.today)
                }
                try tx.recordHistory(ofMeeting: meeting.id)
                return item
            }
            return .init(item: .init(item))
        }
        table.on(MeetingInterface.Publish.self) { parameters, request in
            let record = try await context.database.write(request.actor) { tx in
                let meeting = try tx.meeting(parameters.id)
                let items = try tx.items(ofMeeting: meeting.id)
                let published = try MeetingRules.publish(meeting, itemCount: items.count, now: request.now)
                try tx.save(published)
                for item in items where item.isChecked {
                    _ = try Self.check(tx, item, of: published, today: request.today)
                }
                let record = try tx.meetingRecord(published.id)
                try tx.audit(
                    MeetingAudit.subject(published.id),
                    MeetingAudit.published(recusals: record.recusals.count)
                )
                try tx.outbox(record.recusalNotices)
                try tx.recordHistory(ofMeeting: published.id)
                return record
            }.viewed(by: viewer(of: request))
            return .init(
                meeting: .init(record.meeting),
                items: record.items.map { .init($0) },
                recusals: record.recusals.map { .init($0) }
            )
        }
        table.on(MeetingInterface.Close.self) { parameters, request in
            let closed = try await context.database.write(request.actor) { tx in
                let closed = try MeetingRules.close(
                    try tx.meetingRecord(parameters.id),
                    today: request.today,
                    now: request.now
                )
                try tx.save(closed)
                try tx.audit(MeetingAudit.subject(closed.id), MeetingAudit.closed())
                try tx.recordHistory(ofMeeting: closed.id)
                return closed
            }
            return .init(meeting: .init(closed))
        }
        table.on(MeetingInterface.Cancel.self) { parameters, request in
            let cancelled = try await context.database.write(request.actor) { tx in
                let cancelled = try MeetingRules.cancel(
                    try tx.meeting(parameters.id),
                    reason: parameters.reason,
                    now: request.now
                )
                try tx.save(cancelled)
                // Nobody is asked to step out of an item of a meeting that will not meet; a notice already
                // written into a mail stays in it.
                let withdrawn = try tx.withdrawNotices(.meetingRecusal, subject: "meeting:\(cancelled.id)")
                try tx.audit(
                    MeetingAudit.subject(cancelled.id),
                    MeetingAudit.cancelled(cancelled, noticesWithdrawn: withdrawn)
                )
                try tx.recordHistory(ofMeeting: cancelled.id)
                return cancelled
            }
            return .init(meeting: .init(cancelled))
        }
    }

    /// Checks `item` of published `meeting` (a stored conflict check), keeps the check's id in it, and adds a
    /// recusal for each conflict the item does not have yet.
    static func check(
        _ tx: StoreTransaction,
        _ item: MeetingItem,
        of meeting: Meeting,
        today: CalendarDate
    ) throws -> MeetingItem {
        let (check, interests) = try InterestService.check(
            tx,
            organisations: item.organisations,
            matter: MeetingRules.matter(of: item, in: meeting),
            today: today
        )
        var checked = item
        checked.checkId = check.id
        try tx.saveCheck(of: checked)
        let recusals = MeetingRules.recusals(
            for: check.conflicts,
            item: checked,
            meeting: meeting,
            existing: try tx.recusals(ofMeeting: meeting.id),
            declaredOn: { interests[$0]?.declaredAt.utcDate ?? today }
        )
        for recusal in recusals {
            _ = try tx.insert(recusal)
        }
        return checked
    }
}
