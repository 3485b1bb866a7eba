import Dispatch
import RiskSystemd

#if canImport(Glibc)
import Glibc
#endif

/// riskd's entry point, synchronous so that something runs before the Swift runtime's first thread: where this
/// process cannot give libdispatch's threads the nice value they ask for, their "Failed to set thread priority"
/// lines are turned off before any is written (`ThreadNiceness`). An async `main` would run after libdispatch
/// started its manager thread, whose failure decides, once, where its log goes.
@main
enum RiskdMain {
    static func main() {
        ThreadNiceness.quietDispatchWhereOutOfReach()
        // .medium, the priority an async main's task has: from this thread a task would inherit libdispatch's
        // user-initiated class, and every thread it starts would ask for nice -2.
        Task(priority: .medium) {
            // Exits by itself with the status of a failure; returns on success.
            await Riskd.main()
            exit(0)
        }
        dispatchMain()
    }
}
