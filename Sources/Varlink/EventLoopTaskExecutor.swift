import NIOCore

/// Runs the task serving a connection on the event loop that owns the connection's channel.
///
/// Without it a call crosses threads four times: the loop hands the frame to the task on Swift's global
/// executor, and the reply goes back to the loop to be written. With it, a call whose handler does not suspend
/// (a read of a few rows, a permission refusal) runs start to finish on one thread; a handler that awaits an
/// actor or a commit still suspends, and the loop serves other connections meanwhile. The price: whatever a
/// handler does synchronously, it does on the loop, so handlers must not block on long work (see
/// `RiskDatabase.lookup`).
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
