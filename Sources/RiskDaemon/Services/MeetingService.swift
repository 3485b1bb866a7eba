import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.meeting`: the secretariat prepares and publishes a board meeting, records at it what each conflicted
/// member did, and closes it; everyone on the board reads the agenda, the recusals and the minutes.
///
/// The rules of each state are `MeetingRules`, the audit entries `MeetingAudit`; each change runs its story in one
/// write (`RiskDatabase.write`), the checks and recusals it causes included. Every reader gets the meeting through `MeetingRecord.viewed`: a board member
/// reads another member's sensitive recusal (or one from an interest the register hides from them) as withheld.
struct MeetingService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        registerAgenda(&table)
        registerReading(&table)
        registerAtMeeting(&table)
        return table
    }

    private func registerReading(_ table: inout MethodTable) {
        table.on(MeetingInterface.Get.self) { parameters, request in
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) }
            let record = try await record(parameters.id, request, asOf: asOf)
            return .init(
                meeting: .init(record.meeting),
                items: record.items.map { .init($0) },
                recusals: record.recusals.map { .init($0) }
            )
        }
        table.on(MeetingInterface.List.self) { parameters, _ in
            let since = try parameters.since.map { (text: String) throws(DomainError) in
                try FieldRules.date(text, field: "since")
            }
            let until = try parameters.until.map { (text: String) throws(DomainError) in
                try FieldRules.date(text, field: "until")
            }
            let (after, limit) = (try Paging.after(parameters.after), try Paging.limit(parameters.limit))
            let page =
                if let asOf = try parameters.asOf.map({ text throws(DomainError) in try RiskService.asOf(text) }) {
                    try await context.database.meetings(
                        since: since,
                        until: until,
                        after: after,
                        limit: limit,
                        asOf: asOf
                    )
                } else {
                    try await context.database.meetings(since: since, until: until, after: after, limit: limit)
                }
            return .init(meetings: page.meetings.map { .init($0) }, next: page.next)
        }
        table.on(MeetingInterface.Minutes.self) { parameters, request in
            let html = try MinutesPage.wantsHTML(format: parameters.format)
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) }
            let record = try await record(parameters.id, request, asOf: asOf)
            let declarants = record.recusals.map(\.declarant)
            let names =
                if let asOf {
                    try await PeopleNames.of(Set(declarants), asOf: asOf, now: request.now, in: context.database)
                } else {
                    PeopleNames.of(declarants, set: try await context.database.memberNames())
                }
            let organisation = try await context.documentSettings(asOf: asOf ?? request.now, now: request.now)
                .organisation
            return .init(
                markdown: Minutes.markdown(record, names: names),
                html: html ? MinutesPage.render(record, names: names, organisation: organisation) : nil
            )
        }
    }

    private func registerAtMeeting(_ table: inout MethodTable) {
        table.on(MeetingInterface.Record.self) { parameters, request in
            let recusal = try await context.database.write(request.actor) { tx in
                let recusal = try tx.recusal(parameters.recusalId)
                let recorded = try MeetingRules.record(
                    recusal,
                    of: try tx.meeting(recusal.meetingId),
                    action: parameters.action,
                    quorate: parameters.quorate,
                    note: parameters.note,
                    by: request.caller.user
                )
                try tx.saveRecord(of: recorded)
                try tx.touchMeeting(recorded.meetingId)
                try tx.audit(MeetingAudit.subject(recorded.meetingId), MeetingAudit.recorded(recorded))
                try tx.recordHistory(ofMeeting: recorded.meetingId)
                return recorded
            }
            return .init(recusal: .init(recusal))
        }
        table.on(MeetingInterface.DeclareAtMeeting.self) { parameters, request in
            let (declarant, uid) = try declarant(parameters.declarant, request)
            let policy = context.interestPolicy
            let interest = try InterestRules.declare(
                InterestDraft(
                    kind: parameters.kind,
                    organisation: parameters.organisation,
                    description: parameters.description,
                    value: nil,
                    sensitive: parameters.sensitive,
                    startedOn: request.today.description,
                    endedOn: nil
                ),
                declarant: declarant,
                declarantUID: uid,
                now: request.now,
                today: request.today,
                policy: policy,
                joinedOn: try await context.database.memberJoinedOn(user: declarant)
            )
            let recusals = try await context.database.write(request.actor) { tx in
                try Self.declareAtMeeting(tx, itemId: parameters.itemId, interest, policy: policy)
            }
            let viewer = viewer(of: request)
            let shown = recusals.map { MeetingRecord.viewed($0, by: viewer) }
            return .init(recusal: .init(shown[0]), recusals: shown.map { .init($0) })
        }
    }

    /// Who declares at the meeting: the caller when they hold the board role (`PermissionDenied` otherwise, as
    /// `interest.Declare` answers an administrator who is not on the board), or the board member an admin names
    /// (`InvalidValue` for anyone else).
    private func declarant(_ named: String?, _ request: Request) throws -> (user: String, uid: Int) {
        guard let named, named != request.caller.user else {
            guard request.caller.roles.contains(.board) else { throw DomainError.permissionDenied }
            return (request.caller.user, Int(request.caller.uid))
        }
        guard request.access == .allowed else { throw DomainError.permissionDenied }
        let board = MemberService.accounts(context.configuration.access.board)
        guard let account = board.first(where: { $0.user == named }) else {
            throw DomainError.invalidValue("declarant", "\(named) does not hold the board role")
        }
        return (account.user, account.uid)
    }

    /// Meeting `id` as `request`'s caller may read it: as it is now, or as it stood at `asOf` (not found when riskd
    /// had not recorded it by then).
    private func record(_ id: Int, _ request: Request, asOf: Instant? = nil) async throws -> MeetingRecord {
        let found =
            if let asOf {
                try await context.database.meetingRecord(id: id, asOf: asOf)
            } else {
                try await context.database.meetingRecord(id: id)
            }
        guard let record = found else {
            throw DomainError.notFound(.meeting, id: id)
        }
        return record.viewed(by: viewer(of: request))
    }

    func viewer(of request: Request) -> InterestViewer {
        InterestViewer(
            user: request.caller.user,
            roles: request.caller.roles,
            seesRegister: context.configuration.interests.boardSeesRegister
        )
    }
}
