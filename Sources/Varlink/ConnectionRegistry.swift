import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server: counts them against the limit and lets a graceful shutdown close idle ones
/// at once and busy ones as soon as their call in flight has been answered.
final class ConnectionRegistry: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: (channel: any Channel, busy: Bool)] = [:]
        var draining = false
    }

    private let state = NIOLockedValueBox(State())
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Registers a connection; `false` when the server is full or draining (the caller closes it).
    func open(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.draining, state.connections.count < limit else { return false }
            state.connections[ObjectIdentifier(channel)] = (channel, false)
            return true
        }
    }

    func close(_ channel: any Channel) {
        _ = state.withLockedValue { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
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
    func end(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            state.connections[ObjectIdentifier(channel)]?.busy = false
            return !state.draining
        }
    }

    /// Starts a graceful shutdown: idle connections are closed now, busy ones after their reply.
    func drain() {
        let idle = state.withLockedValue { state in
            state.draining = true
            return state.connections.values.filter { !$0.busy }.map(\.channel)
        }
        for channel in idle {
            channel.close(promise: nil)
        }
    }

    /// Connections currently open.
    var count: Int {
        state.withLockedValue { $0.connections.count }
    }
}
