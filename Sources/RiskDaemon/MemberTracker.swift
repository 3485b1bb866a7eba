import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskStore

/// Records when board members are seen: the first call a board-role holder makes on a day, or with other roles than
/// their last, moves their last sighting on (and records their first), so that their first confirmation falls due
/// from when they joined, and records the roles they hold (`role_span`); the first call without the board role of a
/// member this process saw hold it records that they left the board (`board_span`). Someone who left before this
/// process started is seen leaving when riskd starts (`ReviewRunner.observeBoard`).
///
/// At most one write per member, day and set of roles; a failed write is logged and tried again on their next call.
final class MemberTracker: Sendable {
    /// What was last recorded of a member.
    private struct Sighting: Equatable {
        var day: CalendarDate
        var roles: Set<Role>
    }

    private let database: RiskDatabase
    private let logger: Logger
    /// What was last recorded of each member.
    private let recorded = NIOLockedValueBox<[String: Sighting]>([:])

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
        let sighting = Sighting(day: today, roles: caller.roles)
        let isNew = recorded.withLockedValue { seen in
            guard seen[caller.user] != sighting else { return false }
            seen[caller.user] = sighting
            return true
        }
        guard isNew else { return }
        do {
            try await database.noteMember(user: caller.user, uid: Int(caller.uid), roles: caller.roles, at: now)
        } catch {
            recorded.withLockedValue { $0[caller.user] = nil }
            logger.warning("Could not record that board member \(caller.user) was seen: \(error)")
        }
    }

    /// Notes a call without the board role by `caller`, whom this process saw hold it.
    private func noteOff(_ caller: Caller, now: Instant, today: CalendarDate) async {
        guard let last = recorded.withLockedValue({ seen in seen.removeValue(forKey: caller.user) }) else { return }
        do {
            try await database.noteOffBoard(user: caller.user, uid: Int(caller.uid), roles: caller.roles, at: now)
        } catch {
            recorded.withLockedValue { $0[caller.user] = last }
            logger.warning("Could not record that \(caller.user) left the board: \(error)")
        }
    }
}
