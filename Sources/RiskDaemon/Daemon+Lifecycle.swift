import Foundation
import NIOCore
import NIOPosix
import RiskSystemd
import Varlink

#if canImport(Glibc)
import Glibc
#endif

extension Daemon {
    /// The socket being served: where it is, and whether riskd made the file (and so removes it at exit).
    struct ServingSocket: Sendable {
        var path: String
        /// Device and inode of the file riskd bound; `nil` for a socket passed by the service manager, which
        /// belongs to it and is never removed.
        var boundFile: (device: UInt64, inode: UInt64)?
    }

    /// A descriptor passed by the service manager that riskd cannot serve.
    struct UnusableListenDescriptor: Error, CustomStringConvertible {
        var descriptor: Int32
        var description: String {
            "the socket passed by the service manager (fd \(descriptor)) is not a listening Unix stream socket"
        }
    }

    /// Adopts the socket systemd passed, or binds the configured one with `socket_mode` and `socket_group`; the
    /// socket answers once this returns (connections wait in the backlog until `serve` accepts them).
    package func listen() async throws -> VarlinkServer.Listener {
        let configuration = context.configuration
        let descriptors = ServiceManager.listenDescriptors()
        if let descriptor = descriptors.first {
            guard ServiceManager.isUnixStreamListener(descriptor) else {
                throw UnusableListenDescriptor(descriptor: descriptor)
            }
            if descriptors.count > 1 {
                context.logger.warning("The service manager passed \(descriptors.count) sockets; serving the first")
            }
            let listener = try await server.adopt(descriptor: descriptor)
            let path = listener.channel.localAddress?.pathname ?? "fd \(descriptor)"
            serving.withLockedValue { $0 = ServingSocket(path: path, boundFile: nil) }
            context.logger.info("Serving \(path), the socket passed by the service manager (fd \(descriptor))")
            return listener
        }
        let path = configuration.socket
        try FileManager.default.createDirectory(atPath: Self.parent(of: path), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let listener = try await server.bind(path: path)
        if chmod(path, mode_t(configuration.socketMode)) != 0 {
            let reason = String(cString: strerror(errno))
            let mode = String(configuration.socketMode, radix: 8)
            context.logger.error("Cannot set the mode of \(path) to \(mode): \(reason)")
        }
        if let group = configuration.socketGroup {
            if let gid = UserDirectory.gid(ofGroup: group) {
                if chown(path, uid_t.max, gid) != 0 {
                    let reason = String(cString: strerror(errno))
                    context.logger.error("Cannot give \(path) to group \(group): \(reason)")
                }
            } else {
                context.logger.warning("socket_group \(group) does not exist; the socket keeps the daemon's group")
            }
        }
        var status = stat()
        let file = stat(path, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        serving.withLockedValue { $0 = ServingSocket(path: path, boundFile: file) }
        context.logger.info("Listening on \(path)")
        return listener
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
            try context.database.recordAuditHead()
        } catch {
            context.logger.error("Cannot record the audit head at shutdown: \(error)")
        }
        guard let socket = serving.withLockedValue({ $0 }), let bound = socket.boundFile else { return }
        var status = stat()
        if stat(socket.path, &status) == 0, UInt64(status.st_dev) == bound.device,
           UInt64(status.st_ino) == bound.inode {
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
    /// load is logged and changes nothing.
    package func reload() async {
        ServiceManager.reloading(status: "Reloading configuration")
        applyReloadedConfiguration()
        ServiceManager.ready(status: await servingStatus())
    }

    private func applyReloadedConfiguration() {
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
        context.reload(reload.applied)
        roles.reload(reload.applied.access)
        logLevel?.set(reload.applied.logLevel)
        logger.notice("Configuration reloaded \(source)")
    }

    /// Whether the daemon still serves: every event loop runs a task, and a `Status` call made as the daemon
    /// itself goes through the Varlink service and the dispatcher to the database and back.
    ///
    /// A wedged daemon does not return from this, which is what stops the watchdog pings.
    package func isServing() async -> Bool {
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            guard (try? await loop.submit({}).get()) != nil else { return false }
        }
        let probe = VarlinkCall(method: "org.riskd.daemon.Status",
                                peer: PeerCredentials(uid: getuid(), gid: getgid(), pid: getpid()),
                                frame: Data(#"{"method":"org.riskd.daemon.Status","parameters":{}}"#.utf8))
        switch await service.respond(to: probe) {
        case .reply:
            return true
        case .error(let error) where error == .permissionDenied:
            // root_is_admin = false and the daemon's user holds no role: read the database directly instead.
            return (try? await context.database.riskCount()) != nil
        case .error, .stream:
            return false
        }
    }
}
