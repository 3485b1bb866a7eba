#if canImport(Glibc)
import Glibc
#endif

/// The byte stream under a `VarlinkClient`: a connected Unix socket, or the pipes of a program that speaks
/// Varlink on its standard input and output (such as `ssh HOST riskctl bridge`).
///
/// Blocking, used from one thread. The client frames and parses; a channel only moves bytes.
public protocol VarlinkChannel: AnyObject {
    /// What the channel is connected to, for messages: a socket path, or a host.
    var name: String { get }
    /// Reads at most `buffer.count` bytes, waiting for at least one; 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(VarlinkClientError) -> Int
    /// Writes some of `bytes`, waiting until at least one can be written; returns how many were.
    func write(_ bytes: UnsafeRawBufferPointer) throws(VarlinkClientError) -> Int
}

/// A connected `AF_UNIX` stream socket.
public final class UnixSocketChannel: VarlinkChannel {
    /// The connected socket.
    public let descriptor: Int32
    /// The socket's path.
    public let name: String

    /// Connects to the socket at `path`.
    /// - Throws: `.unreachable` with the system's reason.
    public init(path: String) throws(VarlinkClientError) {
        name = path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw .unreachable(path: path, reason: "socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreachable(path: path, reason: reason)
        }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(VarlinkClientError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .protocolViolation("read failed: \(String(cString: strerror(errno)))")
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(VarlinkClientError) -> Int {
        while true {
            let count = Glibc.write(descriptor, bytes.baseAddress, bytes.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .protocolViolation("write failed: \(String(cString: strerror(errno)))")
        }
    }
}
