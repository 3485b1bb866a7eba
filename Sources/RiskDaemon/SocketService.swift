import RiskSystemd
import ServiceLifecycle

/// The Varlink socket as a lifecycle service: listen, report ready, serve, drain on shutdown.
///
/// READY=1 goes out once the database is open (the daemon opened it before running) and the socket is listening,
/// so a client that connects the moment systemd sees the service ready is answered. On SIGTERM it says STOPPING=1,
/// refuses new connections and new calls, lets the calls in flight be answered, then checkpoints the WAL. A socket
/// file removed while running is bound again on SIGHUP (`Daemon.restoreRemovedSocket`) and served alongside.
struct SocketService: Service {
    let daemon: Daemon

    func run() async throws {
        try await daemon.adoptEventLoopReaders()
        let listener = try await daemon.listen()
        ServiceManager.ready(status: await daemon.servingStatus())
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await daemon.server.serve(listener) }
                // A socket file removed while running is bound again on SIGHUP; its listener is served here too.
                for await replacement in daemon.replacementListeners.stream {
                    group.addTask { try await daemon.server.serve(replacement) }
                }
            }
        } onGracefulShutdown: {
            ServiceManager.stopping(status: "Finishing calls in flight")
            daemon.drain()
            listener.channel.close(promise: nil)
            daemon.closeListeners()
        }
        ServiceManager.notify("STATUS=Writing the database file (WAL checkpoint)")
        daemon.finish()
        daemon.context.logger.info("Stopped: every call in flight was answered")
    }
}
