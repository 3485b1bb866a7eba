import Dispatch
import NIOConcurrencyHelpers

/// Runs async work to completion from synchronous code: libFuzzer calls `LLVMFuzzerTestOneInput` synchronously,
/// while riskd's dispatcher is async.
///
/// Blocking a thread on a semaphore is acceptable here only because this is a test harness and the blocked thread
/// is its own (libFuzzer's main thread, or the thread the replay test starts), never one of the cooperative pool's
/// or an event loop's: the daemon itself never does this. The work runs in an unstructured task for the same reason.
enum BlockingBridge {
    /// Runs `work` on the global concurrent executor and blocks the calling thread until it finished.
    static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}
