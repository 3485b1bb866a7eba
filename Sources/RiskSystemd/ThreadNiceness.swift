#if canImport(Glibc)
import Glibc
#endif

/// libdispatch's worker threads and where they may not have the nice value they ask for.
///
/// On Linux, libdispatch gives each worker thread it starts the nice value of its quality of service: 0 for the
/// default class, -2 for user-initiated (GRDB's queues), -4 for user-interactive (its own manager thread, which
/// runs timers and sources). Going below 0 needs `RLIMIT_NICE` of at least 20 minus that value, or `CAP_SYS_NICE`.
/// riskd.service asks for `LimitNICE=-4`, but a service manager without `CAP_SYS_RESOURCE` (a container, often)
/// cannot raise the hard limit; then every such thread fails with EACCES, keeps nice 0, which is all riskd needs,
/// and libdispatch writes "Failed to set thread priority for worker thread: … errno=13" to syslog, a line in
/// `systemctl status riskd` for each thread started. That message cannot be turned off alone: where the nice value
/// is out of reach, riskd turns off libdispatch's own log (`LIBDISPATCH_LOG=NO`), whose other lines are reports of
/// misuse riskd does not make. A `LIBDISPATCH_LOG` already in the environment is left as it is.
public enum ThreadNiceness {
    /// The lowest nice value libdispatch asks for (user-interactive).
    public static let lowestRequested: Int32 = -4

    /// The bit of `CAP_SYS_NICE` (capability 23) in a capability mask.
    static let sysNiceBit: UInt64 = 1 << 23

    /// Whether a thread may lower its nice value to `lowestRequested`: with `CAP_SYS_NICE` in `effective` (the
    /// `CapEff` mask), or a soft `RLIMIT_NICE` (`niceLimit`, whose ceiling is `20 - limit`) of 24 or more.
    public static func mayLowerToLowestRequested(niceLimit: UInt64, effective: UInt64) -> Bool {
        effective & sysNiceBit != 0 || niceLimit >= UInt64(20 - lowestRequested)
    }

    /// The value to give `LIBDISPATCH_LOG`, or nil to leave the environment alone.
    public static func dispatchLog(current: String?, niceLimit: UInt64, effective: UInt64) -> String? {
        guard current == nil else { return nil }
        return mayLowerToLowestRequested(niceLimit: niceLimit, effective: effective) ? nil : "NO"
    }

    /// Sets `LIBDISPATCH_LOG=NO` where this process cannot reach the nice value libdispatch asks for. Call it first
    /// thing, before a dispatch timer, source or database queue starts a thread (libdispatch reads the variable
    /// once, at its first log line). Returns what it set, for riskd's own start line.
    @discardableResult
    public static func quietDispatchWhereOutOfReach() -> String? {
        var limit = rlimit()
        // Glibc's RLIMIT_NICE is a macro of the enum constant, which Swift does not import.
        guard getrlimit(__rlimit_resource_t(__RLIMIT_NICE.rawValue), &limit) == 0 else { return nil }
        let current = getenv("LIBDISPATCH_LOG").map { String(cString: $0) }
        let limitNow = UInt64(limit.rlim_cur)
        guard let value = dispatchLog(current: current, niceLimit: limitNow, effective: effectiveCapabilities())
        else { return nil }
        setenv("LIBDISPATCH_LOG", value, 0)
        return value
    }

    /// The `CapEff` mask of /proc/self/status; 0 when it cannot be read.
    static func effectiveCapabilities() -> UInt64 {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(cString: buffer)
            if line.hasPrefix("CapEff:") {
                let hex = line.dropFirst("CapEff:".count).trimmingWhitespace
                return UInt64(hex, radix: 16) ?? 0
            }
        }
        return 0
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\n" && $0 != " " }
    }
}
