import Logging
import RiskCore
import ServiceLifecycle

/// The daily review as a lifecycle service: at start, a catch-up run when the last run is more than a day old (who
/// holds the board role at start `Daemon.run` records before serving), then one run a day at `review.time` local
/// time, until shutdown.
struct ReviewScheduler: Service {
    let runner: ReviewRunner
    let context: DaemonContext

    func run() async throws {
        await catchUp()
        while !Task.isCancelled {
            let now = context.clock.now()
            let review = context.configuration.review
            let next = context.clock.nextLocalTime(review.hour, review.minute, now)
            let delay = max(1, next.secondsSinceEpoch - now.secondsSinceEpoch)
            context.logger.debug("Next review run at \(next)")
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: .seconds(delay))
                }
            } catch {
                return
            }
            await runLogged(.schedule)
        }
    }

    private func catchUp() async {
        let last = try? await context.database.reviewStatus().lastRunFinishedAt
        let now = context.clock.now()
        if let last, let finished = Instant(rfc3339: last), now.secondsSinceEpoch - finished.secondsSinceEpoch < 86_400
        {
            return
        }
        await runLogged(.startup)
    }

    private func runLogged(_ trigger: ReviewRunner.Trigger) async {
        do {
            _ = try await runner.run(trigger: trigger)
        } catch {
            context.logger.error("Review run (\(trigger.rawValue)) failed: \(error)")
        }
    }
}
