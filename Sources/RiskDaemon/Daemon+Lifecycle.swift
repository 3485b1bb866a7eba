import Foundation
import NIOCore
import NIOPosix
import RiskSystemd
import Varlink

#if canImport(Glibc)
import Glibc
#endif

extension Daemon {
    /// Gives every event-loop thread a database connection of its own, before any call is served there.
    ///
    /// Calls run on the event loop of their connection; a read on the loop's own connection never waits, while a
    /// read that waited there for a pooled reader could wait for ever (docs/concurrency.md).
    package func adoptEventLoopReaders(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    )
        async throws
    {
        let database = context.database
        for loop in group.makeIterator() {
            try await loop.submit { try database.adoptReaderForCurrentThread() }.get()
        }
    }

    /// The server's part of a graceful shutdown.
    package func drain() {
        server.drain()
    }

    /// The last step of a shutdown: fold the WAL into the database file, record the audit head beside it, and
    /// remove the socket file riskd bound itself (unless another process has bound the path since). A socket passed
    /// by systemd stays.
    package func finish() {
        do {
            try context.database.checkpoint()
        } catch {
            context.logger.warning("WAL checkpoint at shutdown failed: \(error)")
        }
        do {
            try context.database.recordAuditHeadBlocking()
        } catch {
            context.logger.error("Cannot record the audit head at shutdown: \(error)")
        }
        guard let socket = serving.withLockedValue({ $0 }), let bound = socket.boundFile else { return }
        var status = stat()
        if lstat(socket.path, &status) == 0, UInt64(status.st_dev) == bound.device,
            UInt64(status.st_ino) == bound.inode
        {
            unlink(socket.path)
        }
    }

    /// The line `systemctl status riskd` shows while serving.
    func servingStatus() async -> String {
        let path = serving.withLockedValue { $0?.path } ?? context.configuration.socket
        guard let risks = try? await context.database.riskCount() else { return "Serving on \(path)" }
        return "Serving \(risks) \(risks == 1 ? "risk" : "risks") on \(path)"
    }

    /// Reads the configuration file again and applies what may change while running (SIGHUP).
    ///
    /// `[access]` goes to the role resolver, the review, risk, interest and ethics settings to the services, the
    /// log level to every logger. A changed start-only key is logged and keeps its value; a file that does not
    /// load is logged and changes nothing. A socket file removed meanwhile is bound again.
    package func reload() async {
        ServiceManager.reloading(status: "Reloading configuration")
        await applyReloadedConfiguration()
        await restoreRemovedSocket()
        ServiceManager.ready(status: await servingStatus())
    }

    private func applyReloadedConfiguration() async {
        let logger = context.logger
        guard let origin else {
            logger.notice("SIGHUP ignored: this daemon was not started from a configuration source")
            return
        }
        let source = origin.file.map { "from \($0)" } ?? "(no configuration file: every key at its default)"
        let reread: Configuration
        do {
            reread = try origin.load()
        } catch {
            logger.error("Configuration not reloaded, the running one stays in force: \(error)")
            return
        }
        let reload = ConfigurationReload(running: context.configuration, reread: reread)
        for key in reload.needsRestart {
            logger.warning("\(key) changed, but it is read at start only: restart riskd to apply it")
        }
        await apply(reload.applied)
        logger.notice("Configuration reloaded \(source)")
    }

    /// Puts `configuration` in force for the calls from now on: `[access]` in the role resolver, the rest in the
    /// services, the log level in every logger; and records what documents read when that changed
    /// (`DaemonContext.recordDocumentSettings`), so that documents for earlier times keep the settings then.
    func apply(_ configuration: Configuration) async {
        context.reload(configuration)
        roles.reload(configuration.access)
        logLevel?.set(configuration.logLevel)
        await context.recordDocumentSettings()
    }

    /// Whether the daemon still serves: every event loop runs a task, and a `Status` call made as the daemon
    /// itself goes through the Varlink service and the dispatcher to the database and back.
    ///
    /// A wedged daemon does not return from this, which is what stops the watchdog pings.
    package func isServing() async -> Bool {
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            guard (try? await loop.submit({}).get()) != nil else { return false }
        }
        let probe = VarlinkCall(
            method: "org.riskd.daemon.Status",
            peer: PeerCredentials(uid: getuid(), gid: getgid(), pid: getpid()),
            frame: Data(#"{"method":"org.riskd.daemon.Status","parameters":{}}"#.utf8)
        )
        switch await service.respond(to: probe) {
        case .reply:
            return true
        case .error(let error) where error.name == VarlinkError.permissionDenied.name:
            // root_is_admin = false and the daemon's user holds no role: read the database directly instead.
            return (try? await context.database.riskCount()) != nil
        case .error, .stream:
            return false
        }
    }
}
