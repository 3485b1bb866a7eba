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
        table.on(ReportInterface.Board.self, work: .long) { parameters, request in
            let asOf = try parameters.asOf.map { text throws(DomainError) in try RiskService.asOf(text) } ?? request.now
            let agenda = try agenda(meetingId: parameters.meetingId)
            let configuration = context.configuration
            let names = Set(board(configuration.access.board).map(\.user))
            let facts = try await context.database.boardPackFacts(asOf: asOf) { user, _ in names.contains(user) }
            let viewer = InterestViewer(
                user: request.caller.user,
                roles: request.caller.roles,
                seesRegister: configuration.interests.boardSeesRegister
            )
            let pack = BoardPack.build(facts, policy: configuration.reviewPolicy, viewer: viewer, agenda: agenda)
            return .init(
                html: configuration.report.template.render(pack),
                asOf: asOf.description,
                auditHead: facts.auditHead
            )
        }
        return table
    }

    /// The agenda of meeting `meetingId` for the pack.
    ///
    /// Meetings are not stored by this build of riskd yet (they come with `org.riskd.meeting`): every id is
    /// `NoSuchMeeting`. Wiring the meeting store in means reading the meeting here, turning its items and recusals
    /// into a `BoardPack.Agenda` (the builder withholds others' sensitive recusals) and answering NoSuchMeeting only
    /// for an id that is not there.
    private func agenda(meetingId: Int?) throws(DomainError) -> BoardPack.Agenda? {
        guard let meetingId else { return nil }
        throw DomainError.notFound(.meeting, id: meetingId)
    }
}
