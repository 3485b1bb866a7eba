import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Talks to the service manager: readiness and status (`sd_notify`), the watchdog, and sockets passed in
/// (`sd_listen_fds`).
///
/// Every function is a no-op outside systemd (no `NOTIFY_SOCKET`, no `LISTEN_FDS`, no `WATCHDOG_USEC`), so riskd
/// runs the same by hand.
public enum ServiceManager {
    /// Sends `state` (e.g. `READY=1\nSTATUS=Serving`) to the service manager; `false` when there is none.
    ///
    /// `NOTIFY_SOCKET` stays in the environment: riskd notifies many times (status, reload, watchdog, stopping).
    @discardableResult
    public static func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// The service is ready; `status` is the line `systemctl status` shows.
    @discardableResult
    public static func ready(status: String) -> Bool {
        notify("READY=1\nSTATUS=\(status)")
    }

    /// The service is reloading its configuration; `ready(status:)` ends the reload.
    ///
    /// `MONOTONIC_USEC` lets a manager that checks it (`Type=notify-reload`, systemd ≥ 253) match the reload it
    /// asked for; older ones ignore it.
    @discardableResult
    public static func reloading(status: String) -> Bool {
        notify("RELOADING=1\nMONOTONIC_USEC=\(monotonicMicroseconds())\nSTATUS=\(status)")
    }

    /// The service is stopping; `status` says what it is still doing.
    @discardableResult
    public static func stopping(status: String) -> Bool {
        notify("STOPPING=1\nSTATUS=\(status)")
    }

    /// Tells the watchdog the service is alive.
    @discardableResult
    public static func watchdogPing() -> Bool {
        notify("WATCHDOG=1")
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
    ///
    /// `WATCHDOG_USEC` and `WATCHDOG_PID` stay in the environment (`unset_environment` 0), so asking again gives
    /// the same answer.
    public static func watchdogMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return usec
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd's notification fields use.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
