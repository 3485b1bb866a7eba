import CSystemd

/// Talks to the service manager: readiness and status (`sd_notify`) and sockets passed in (`sd_listen_fds`).
///
/// Every function is a no-op outside systemd (no `NOTIFY_SOCKET`, no `LISTEN_FDS`), so riskd runs the same by hand.
public enum ServiceManager {
    /// Sends `state` (e.g. `READY=1\nSTATUS=Serving`) to the service manager; `false` when there is none.
    @discardableResult
    public static func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// The listening sockets passed by socket activation, as file descriptors (from `SD_LISTEN_FDS_START`).
    /// The environment variables are removed so child processes do not inherit them.
    public static func listenDescriptors() -> [Int32] {
        let count = sd_listen_fds(1)
        guard count > 0 else { return [] }
        return (0..<count).map { SD_LISTEN_FDS_START + $0 }
    }

    /// Whether `descriptor` is a listening Unix stream socket (what riskd can serve).
    public static func isUnixStreamListener(_ descriptor: Int32) -> Bool {
        sd_is_socket_unix(descriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0
    }

    /// The watchdog interval the manager expects pings within, in microseconds, or `nil` when it is off.
    public static func watchdogMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(1, &usec) > 0, usec > 0 else { return nil }
        return usec
    }
}
