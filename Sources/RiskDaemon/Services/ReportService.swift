import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.report`: the board pack.
struct ReportService: Sendable {
    let context: DaemonContext
    /// The accounts holding the board role now (NSS by default; tests pass a table).
    var board: @Sendable ([Identity]) -> [RiskDatabase.BoardAccount] = MemberService.accounts

    var methods: MethodTable {
        var table = MethodTable()
        // Reads the whole register as of a time and renders it: never on an event loop.
        table.on(ReportInterface.Board.self) { parameters, request in
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) } ?? request.now
            let configuration = context.configuration
            let confidential = parameters.confidential ?? false
            let keeper = InterestViewer(user: request.caller.user, roles: request.caller.roles, seesRegister: true)
            guard !confidential || keeper == .registerKeeper else {
                throw DomainError.permissionDenied(
                    doing: "making the confidential copy of the board pack",
                    onlyFor: [.admin, .auditor]
                )
            }
            // The circulation copy reads as a board member reads, whoever asks: one pack for the whole board, which
            // the subject of a concern or a member with a hidden interest may read too.
            let viewer =
                confidential
                ? InterestViewer.registerKeeper
                : .boardMember(request.caller.user, seesRegister: configuration.interests.boardSeesRegister)
            let reader =
                confidential
                ? context.subjectReader(of: request)
                : SubjectReader(user: request.caller.user, keepsRegister: false, interests: viewer)
            let accounts = board(configuration.access.board)
            let onBoard = Set(accounts.map(\.user))
            // What riskd sees of the board now is history from now on; the pack reads only what was recorded.
            try await context.database.observeBoard(context.withRoles(accounts), at: request.now)
            var facts = try await context.database.boardPackFacts(asOf: asOf, reader: reader)
            if asOf.utcDate >= request.now.utcDate {
                let seen = Set(facts.register.members.map(\.user))
                facts.unseenBoard = onBoard.filter { !seen.contains($0) }.sorted()
            }
            let agenda = try await agenda(meetingId: parameters.meetingId, asOf: asOf, viewer: viewer)
            // riskd.toml as it stood at asOf: the name, the template and the rules' thresholds then in force.
            let settings = try await context.documentSettings(asOf: asOf, now: request.now)
            let presentation = BoardPack.Presentation(
                organisation: settings.organisation,
                names: try await PeopleNames.of(
                    PeopleNames.people(in: facts),
                    asOf: asOf,
                    now: request.now,
                    in: context.database
                ),
                confidential: confidential
            )
            let pack = BoardPack.build(
                facts,
                policy: settings.policy,
                viewer: viewer,
                agenda: agenda,
                presentation: presentation
            )
            return .init(
                html: context.packTemplate(settings).render(pack),
                asOf: asOf.description,
                auditHead: facts.auditHead
            )
        }
        return table
    }

    /// The agenda of meeting `meetingId` for the pack, as it stood at `asOf` (`RiskDatabase.meetingRecord(id:asOf:)`;
    /// not found when riskd had not recorded the meeting by then), with its recusals as `viewer` reads them
    /// (`MeetingRecord.viewed`: another member's sensitive recusal withheld).
    private func agenda(meetingId: Int?, asOf: Instant, viewer: InterestViewer) async throws -> BoardPack.Agenda? {
        guard let meetingId else { return nil }
        guard let record = try await context.database.meetingRecord(id: meetingId, asOf: asOf)?.viewed(by: viewer)
        else {
            throw DomainError.notFound(.meeting, id: meetingId)
        }
        return BoardPack.Agenda(
            meetingId: record.meeting.id,
            title: record.meeting.title,
            date: record.meeting.date,
            items: record.items.map { item in
                BoardPack.Agenda.Item(
                    number: item.number,
                    title: item.title,
                    organisations: item.organisations,
                    recusals: record.recusals.filter { $0.itemId == item.id }.map { recusal in
                        BoardPack.Agenda.Recusal(
                            declarant: recusal.declarant,
                            kind: recusal.kind,
                            organisation: recusal.kind == Conflict.withheldKind ? "" : recusal.organisation,
                            match: recusal.match,
                            declaredInAdvance: recusal.declaredInAdvance,
                            action: recusal.action,
                            sensitive: recusal.sensitive
                        )
                    }
                )
            }
        )
    }
}
