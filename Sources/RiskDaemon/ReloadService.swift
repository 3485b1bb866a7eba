import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP (`systemctl reload riskd`), until the daemon shuts down.
///
/// The signal is trapped when the daemon starts to run, before it reports ready, so an early SIGHUP is never
/// the default action (terminate).
struct ReloadService: Service {
    let daemon: Daemon
    let hangups: UnixSignalsSequence

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            await daemon.reload()
        }
    }
}
