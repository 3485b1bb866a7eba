import GRDB
import NIOConcurrencyHelpers

/// Commits concurrent writes together: every write waiting when a transaction starts runs in it, each in its own
/// savepoint, and all of them are answered after the one durable commit.
///
/// With `synchronous=FULL` a commit costs an fsync; one fsync for many writers is what lets throughput grow with
/// the number of connections. A write that throws rolls back its savepoint only: the others still commit. No
/// caller is answered before the commit that holds its write, so no acknowledged write can be lost.
///
/// There is no background task: the first caller to find no transaction under way drains the queue, and when
/// its own write is answered it hands the queue to the next waiting caller.
final class GroupCommit: Sendable {
    /// One queued write, with its type erased.
    private struct Pending: Sendable {
        /// Runs the write inside the batch's transaction, in a savepoint of its own, and keeps its outcome.
        let perform: @Sendable (Database) -> Void
        /// Runs the write as the batch's only one: no savepoint (two statements prepared and run for nothing), and
        /// a write that throws rethrows, so that its transaction, which holds nothing else, rolls back.
        let performAlone: @Sendable (Database) throws -> Void
        /// Answers the caller: with the kept outcome, or with the failure of the whole transaction.
        let complete: @Sendable ((any Error)?) -> Void
        /// Asks the waiting caller to drain the queue itself.
        let promote: @Sendable () -> Void
    }

    private struct State {
        var queue: [Pending] = []
        var draining = false
    }

    private let writer: any DatabaseWriter
    private let state = NIOLockedValueBox(State())

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` in a transaction shared with the writes queued beside it; returns after that transaction
    /// committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let ticket = Ticket<T>()
        let pending = Pending(
            perform: { db in
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try work(db)
                        return .commit
                    }
                    ticket.keep(value.map { .success($0) } ?? .failure(StoreError.corrupt("write returned nothing")))
                } catch {
                    ticket.keep(.failure(error))
                }
            },
            performAlone: { db in ticket.keep(.success(try work(db))) },
            complete: { ticket.finish(transactionError: $0) },
            promote: { ticket.promote() }
        )
        let drain = state.withLockedValue { state in
            state.queue.append(pending)
            defer { state.draining = true }
            return !state.draining
        }
        if drain { await self.drain(until: ticket) }
        while true {
            switch await ticket.wait() {
            case .answered(let result): return try result.get()
            case .drain: await self.drain(until: ticket)
            }
        }
    }

    /// Commits batches until `ticket` is answered, then hands the queue to the next waiting caller.
    private func drain<T>(until ticket: Ticket<T>) async {
        while !ticket.isAnswered {
            let batch = state.withLockedValue { state in
                defer { state.queue.removeAll() }
                return state.queue
            }
            if batch.isEmpty { break }
            do {
                try await writer.write { db in
                    if batch.count == 1 {
                        try batch[0].performAlone(db)
                    } else {
                        for pending in batch { pending.perform(db) }
                    }
                }
                for pending in batch { pending.complete(nil) }
            } catch {
                for pending in batch { pending.complete(error) }
            }
        }
        let next = state.withLockedValue { state -> Pending? in
            guard let first = state.queue.first else {
                state.draining = false
                return nil
            }
            return first
        }
        next?.promote()
    }
}

/// A caller's place in the queue: the outcome of its write once committed, or a request to drain.
private final class Ticket<T: Sendable>: Sendable {
    enum Signal {
        case answered(Result<T, any Error>)
        case drain
    }

    private struct State {
        var kept: Result<T, any Error>?
        var signal: Signal?
        var waiter: CheckedContinuation<Signal, Never>?
    }

    private let state = NIOLockedValueBox(State())

    var isAnswered: Bool {
        state.withLockedValue { state in
            if case .answered = state.signal { return true }
            return false
        }
    }

    func keep(_ result: Result<T, any Error>) {
        state.withLockedValue { $0.kept = result }
    }

    func finish(transactionError: (any Error)?) {
        signal { state in
            .answered(
                transactionError.map { .failure($0) }
                    ?? state.kept ?? .failure(StoreError.corrupt("write never ran"))
            )
        }
    }

    func promote() {
        signal { _ in .drain }
    }

    /// The next signal; an `answered` one stays, so waiting again returns it again.
    func wait() async -> Signal {
        await withCheckedContinuation { continuation in
            let ready = state.withLockedValue { state -> Signal? in
                if let signal = state.signal {
                    if case .drain = signal { state.signal = nil }
                    return signal
                }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func signal(_ make: (State) -> Signal) {
        let (waiter, signal) = state.withLockedValue { state -> (CheckedContinuation<Signal, Never>?, Signal) in
            let signal = make(state)
            if let waiter = state.waiter {
                state.waiter = nil
                if case .answered = signal { state.signal = signal }
                return (waiter, signal)
            }
            state.signal = signal
            return (nil, signal)
        }
        waiter?.resume(returning: signal)
    }
}
