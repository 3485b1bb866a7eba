import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskStore

/// Records when board members are seen: the first call a board-role holder makes on a day moves their last
/// sighting on (and records their first), so that their first confirmation falls due from when they joined; the
/// first call without the board role of a member this process saw hold it records that they left the board
/// (`board_span`). Someone who left before this process started is seen leaving when riskd starts
/// (`ReviewRunner.observeBoard`).
///
/// At most one write per member and day; a failed write is logged and tried again on their next call.
final class MemberTracker: Sendable {
    private let database: RiskDatabase
    private let logger: Logger
    /// The day each member was last recorded.
    private let recorded = NIOLockedValueBox<[String: CalendarDate]>([:])

    /// A tracker writing to `database`, logging failures to `logger`.
    init(database: RiskDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Notes a call by `caller` at `now` (on the local date `today`) when they hold the board role.
    func note(_ caller: Caller, now: Instant, today: CalendarDate) async {
        guard caller.roles.contains(.board) else {
            await noteOff(caller, now: now, today: today)
            return
        }
        let isNew = recorded.withLockedValue { days in
            guard days[caller.user] != today else { return false }
            days[caller.user] = today
            return true
        }
        guard isNew else { return }
        do {
            try await database.noteMember(user: caller.user, uid: Int(caller.uid), at: now)
        } catch {
            recorded.withLockedValue { $0[caller.user] = nil }
            logger.warning("Could not record that board member \(caller.user) was seen: \(error)")
        }
    }

    /// Notes a call without the board role by `caller`, whom this process saw hold it.
    private func noteOff(_ caller: Caller, now: Instant, today: CalendarDate) async {
        let wasOnBoard = recorded.withLockedValue { days in days.removeValue(forKey: caller.user) != nil }
        guard wasOnBoard else { return }
        do {
            try await database.noteOffBoard(user: caller.user, at: now)
        } catch {
            recorded.withLockedValue { $0[caller.user] = today }
            logger.warning("Could not record that \(caller.user) left the board: \(error)")
        }
    }
}
