import NIOCore

/// Runs a call's task on the event loop that owns the connection's channel whenever the task resumes.
///
/// `VarlinkConnectionHandler` starts each call's task in place, on the loop thread; this executor is the task's
/// preference, so a call that suspends (awaiting a commit, say) comes back to the same loop, not to Swift's global
/// executor: without it a call would cross threads on every resumption. The price: whatever a handler does
/// synchronously, it does on the loop, so handlers must not block on long work (see `RiskDatabase.lookup`).
final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
