import Foundation
import NIOConcurrencyHelpers
import RiskStore

/// Fans the events of review runs out to every `Watch` call.
///
/// A watcher that falls behind by more than `buffer` events loses the oldest ones rather than slowing a run.
final class FindingEvents: Sendable {
    private let watchers = NIOLockedValueBox<[UUID: AsyncStream<FindingEvent>.Continuation]>([:])
    private let buffer: Int

    init(buffer: Int = 1024) {
        self.buffer = buffer
    }

    /// A stream of the events published from now on; it ends when the caller stops iterating.
    func subscribe() -> AsyncStream<FindingEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<FindingEvent>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        continuation.onTermination = { [weak self] _ in
            _ = self?.watchers.withLockedValue { $0.removeValue(forKey: id) }
        }
        watchers.withLockedValue { $0[id] = continuation }
        return stream
    }

    func publish(_ events: [FindingEvent]) {
        let continuations = watchers.withLockedValue { Array($0.values) }
        for continuation in continuations {
            for event in events {
                continuation.yield(event)
            }
        }
    }

    /// Watchers connected now.
    var count: Int { watchers.withLockedValue { $0.count } }
}
