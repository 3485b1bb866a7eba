import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server: admits them against the limits, finds the idle ones, and lets a graceful
/// shutdown close idle connections at once and busy ones as soon as their call in flight has been answered.
///
/// Admission is decided by `ConnectionAdmission` (per-uid cap, shares kept per class of peer, a ceiling for some);
/// a connection with no call in flight and no stream open for `idleTimeout` is closed (`closeIdle`).
final class ConnectionRegistry: Sendable {
    typealias Refusal = ConnectionAdmission.Refusal

    private struct Entry {
        let channel: any Channel
        let uid: UInt32
        let share: String
        /// Calls in flight (a call counts from its frame to its reply).
        var busy = false
        /// A `more` stream is open: the connection waits for events, it is not idle.
        var streaming = false
        var lastActive: NIODeadline
    }

    private struct State {
        var connections: [ObjectIdentifier: Entry] = [:]
        var perUser: [UInt32: Int] = [:]
        var perShare: [String: Int] = [:]
        var draining = false
    }

    private let state = NIOLockedValueBox(State())
    private let admission: ConnectionAdmission

    /// - Parameters:
    ///   - total: connections at most.
    ///   - perUser: connections at most per uid.
    ///   - shares: the slots kept for, and the ceilings of, classes of peers.
    init(total: Int, perUser: Int, shares: [ConnectionShare] = []) {
        admission = ConnectionAdmission(total: total, perUser: perUser, shares: shares)
    }

    /// Registers a connection of `uid`, whose peer is of `share`, or says why it may not be served (the caller
    /// closes it).
    func open(_ channel: any Channel, uid: UInt32, share: String, now: NIODeadline = .now()) -> Refusal? {
        state.withLockedValue { state in
            let occupancy = ConnectionAdmission.Occupancy(
                open: state.connections.count,
                byShare: state.perShare,
                ofUser: state.perUser[uid, default: 0]
            )
            let refusal = admission.refusal(share: share, uid: uid, occupancy: occupancy, draining: state.draining)
            if refusal != nil { return refusal }
            state.perUser[uid, default: 0] += 1
            state.perShare[share, default: 0] += 1
            state.connections[ObjectIdentifier(channel)] = Entry(
                channel: channel,
                uid: uid,
                share: share,
                lastActive: now
            )
            return nil
        }
    }

    func close(_ channel: any Channel) {
        state.withLockedValue { state in
            guard let entry = state.connections.removeValue(forKey: ObjectIdentifier(channel)) else { return }
            let held = state.perUser[entry.uid, default: 1] - 1
            state.perUser[entry.uid] = held > 0 ? held : nil
            let ofShare = state.perShare[entry.share, default: 1] - 1
            state.perShare[entry.share] = ofShare > 0 ? ofShare : nil
        }
    }

    /// Marks a call as started; `false` when draining, so the call is refused before it starts.
    func begin(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.draining else { return false }
            state.connections[ObjectIdentifier(channel)]?.busy = true
            return true
        }
    }

    /// Marks a call as answered; `false` when draining, so the connection ends now.
    func end(_ channel: any Channel, now: NIODeadline = .now()) -> Bool {
        state.withLockedValue { state in
            state.connections[ObjectIdentifier(channel)]?.busy = false
            state.connections[ObjectIdentifier(channel)]?.lastActive = now
            return !state.draining
        }
    }

    /// Marks a `more` stream as open or ended on the connection.
    func streaming(_ channel: any Channel, _ open: Bool, now: NIODeadline = .now()) {
        state.withLockedValue { state in
            state.connections[ObjectIdentifier(channel)]?.streaming = open
            state.connections[ObjectIdentifier(channel)]?.lastActive = now
        }
    }

    /// Closes the connections with no call in flight and no stream open since `timeout` before `now`; returns the
    /// uids of those closed.
    @discardableResult
    func closeIdle(timeout: TimeAmount, now: NIODeadline = .now()) -> [UInt32] {
        let idle = state.withLockedValue { state in
            state.connections.values.filter { !$0.busy && !$0.streaming && now - $0.lastActive >= timeout }
        }
        for entry in idle {
            entry.channel.close(promise: nil)
        }
        return idle.map(\.uid)
    }

    /// Starts a graceful shutdown: idle connections are closed now, busy ones after their reply.
    func drain() {
        let idle = state.withLockedValue { state in
            state.draining = true
            return state.connections.values.filter { !$0.busy || $0.streaming }.map(\.channel)
        }
        for channel in idle {
            channel.close(promise: nil)
        }
    }

    /// Ends a graceful shutdown that took too long: closes every connection still open; returns how many.
    @discardableResult
    func closeAll() -> Int {
        let open = state.withLockedValue { $0.connections.values.map(\.channel) }
        for channel in open {
            channel.close(promise: nil)
        }
        return open.count
    }

    /// Connections currently open.
    var count: Int {
        state.withLockedValue { $0.connections.count }
    }
}
