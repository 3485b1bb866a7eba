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

    /// Something that is not this riskd answers on the configured socket path.
    struct SocketInUse: Error, CustomStringConvertible {
        /// The socket path.
        var path: String
        /// One line for a person.
        var description: String {
            "another process is listening on \(path); riskd does not take over a socket it did not create"
        }
    }

    /// Adopts the socket systemd passed, or binds the configured one with `socket_mode` and `socket_group`; the
    /// socket answers once this returns (connections wait in the backlog until `serve` accepts them).
    package func listen() async throws -> VarlinkServer.Listener {
        if let descriptor = listenDescriptors.first {
            guard ServiceManager.isUnixStreamListener(descriptor) else {
                throw UnusableListenDescriptor(descriptor: descriptor)
            }
            if listenDescriptors.count > 1 {
                context.logger.warning(
                    "The service manager passed \(listenDescriptors.count) sockets; serving the first"
                )
            }
            let listener = try await server.adopt(descriptor: descriptor)
            let path = listener.channel.localAddress?.pathname ?? "fd \(descriptor)"
            serving.withLockedValue { $0 = ServingSocket(path: path, boundFile: nil) }
            context.logger.info("Serving \(path), the socket passed by the service manager (fd \(descriptor))")
            return listener
        }
        let path = context.configuration.socket
        let listener = try await bindOwnSocket(path)
        context.logger.info("Listening on \(path)")
        return listener
    }

    /// Binds `path` anew (see `bindSocketFile`) and gives it the configured mode and group.
    ///
    /// riskd binds the socket itself and hands NIO the descriptor, as for socket activation: a socket NIO bound by
    /// path is unlinked by path when it closes, whatever file is there by then.
    private func bindOwnSocket(_ path: String) async throws -> VarlinkServer.Listener {
        let configuration = context.configuration
        let descriptor = try Self.bindSocketFile(path)
        let listener: VarlinkServer.Listener
        do {
            listener = try await server.adopt(descriptor: descriptor)
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
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
        let file = lstat(path, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        serving.withLockedValue { $0 = ServingSocket(path: path, boundFile: file) }
        listeners.withLockedValue { $0.append(listener.channel) }
        return listener
    }

    /// Binds the socket again when its file was removed while riskd ran (on SIGHUP), and hands the new listener
    /// to the socket service; the old one, unreachable, is closed. A path that exists is left alone, whatever it
    /// is; a socket passed by the service manager is never re-created.
    func restoreRemovedSocket() async {
        guard let socket = serving.withLockedValue({ $0 }), socket.boundFile != nil else { return }
        var status = stat()
        guard lstat(socket.path, &status) != 0, errno == ENOENT else { return }
        let previous = listeners.withLockedValue { $0 }
        do {
            try FileManager.default.createDirectory(
                atPath: Self.parent(of: socket.path),
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755]
            )
            let listener = try await bindOwnSocket(socket.path)
            guard case .enqueued = replacementListeners.continuation.yield(listener) else {
                // Shutting down: nothing serves it any more.
                try? await listener.channel.close()
                return
            }
            for channel in previous { channel.close(promise: nil) }
            listeners.withLockedValue { $0.removeAll { channel in previous.contains { $0 === channel } } }
            context.logger.warning("The socket \(socket.path) had been removed; bound it again")
        } catch {
            context.logger.error("The socket \(socket.path) was removed and cannot be bound again: \(error)")
        }
    }

    /// Closes every listening socket and ends the stream of replacements (graceful shutdown).
    func closeListeners() {
        replacementListeners.continuation.finish()
        for channel in listeners.withLockedValue({ $0 }) { channel.close(promise: nil) }
    }

    /// A listening Unix stream socket bound at `path`, as a descriptor.
    ///
    /// A socket file already at `path` is removed first only when nothing answers on it (a killed riskd's), which
    /// is safe as the socket lock is held: no other riskd serves it. Anything else there is refused.
    static func bindSocketFile(_ path: String) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw SocketFileError(path: path, reason: "the path is too long for a Unix socket")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFSOCK else {
                throw SocketFileError(path: path, reason: "it exists and is not a socket; riskd leaves it alone")
            }
            if connects(&address) { throw SocketInUse(path: path) }
            unlink(path)
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketFileError(path: path, reason: String(cString: strerror(errno))) }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 256) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SocketFileError(path: path, reason: "cannot bind it: \(reason)")
        }
        return descriptor
    }

    /// Whether something accepts connections at `address`.
    private static func connects(_ address: inout sockaddr_un) -> Bool {
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// The configured socket cannot be bound.
    struct SocketFileError: Error, CustomStringConvertible {
        /// The socket path.
        var path: String
        /// Why, as a phrase.
        var reason: String
        /// `cannot serve on PATH: REASON`, one line.
        var description: String { "cannot serve on \(path): \(reason)" }
    }
}
