import Foundation
import RiskCore

#if canImport(Glibc)
import Glibc
#endif

/// Where the daemon reads the time; the domain core never does. Tests pass a fixed clock.
public struct Clock: Sendable {
    /// The current instant.
    public var now: @Sendable () -> Instant
    /// The date of an instant in the daemon's local time zone ("overdue" compares with it).
    public var localDate: @Sendable (Instant) -> CalendarDate

    public init(now: @escaping @Sendable () -> Instant, localDate: @escaping @Sendable (Instant) -> CalendarDate) {
        self.now = now
        self.localDate = localDate
    }

    /// Today's local date.
    public func today() -> CalendarDate {
        localDate(now())
    }

    /// The system clock and time zone (`TZ`, `/etc/localtime`).
    public static let system = Clock(
        now: {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Instant(secondsSinceEpoch: Int64(spec.tv_sec))
        },
        localDate: { instant in
            var seconds = time_t(instant.secondsSinceEpoch)
            var parts = tm()
            localtime_r(&seconds, &parts)
            return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
                ?? instant.utcDate
        }
    )

    /// The first instant after `instant` whose local wall-clock time is `hour:minute` (the daily review time).
    public var nextLocalTime: @Sendable (_ hour: Int, _ minute: Int, _ after: Instant) -> Instant = {
        hour,
        minute,
        after in
        var seconds = time_t(after.secondsSinceEpoch)
        var parts = tm()
        localtime_r(&seconds, &parts)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = 0
        parts.tm_isdst = -1
        var candidate = Int64(mktime(&parts))
        if candidate <= after.secondsSinceEpoch {
            parts.tm_mday += 1
            parts.tm_isdst = -1
            candidate = Int64(mktime(&parts))
        }
        return Instant(secondsSinceEpoch: candidate)
    }

    /// Nanoseconds of `CLOCK_MONOTONIC`, for cache lifetimes.
    public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// A clock stopped at `instant`, with UTC as the local zone.
    public static func fixed(_ instant: Instant) -> Clock {
        Clock(now: { instant }, localDate: { $0.utcDate })
    }
}

extension Clock {
    /// The clock riskd runs on: the system's, or in a debug build only, the test clock that
    /// `RISKD_TEST_NOW_FILE` names (`testClock(file:)`). Release builds ignore the variable: nothing can move a
    /// production riskd's time.
    public static func fromEnvironment() -> (clock: Clock, testFile: String?) {
        #if DEBUG
        if let file = getenv("RISKD_TEST_NOW_FILE").map({ String(cString: $0) }), !file.isEmpty {
            return (testClock(file: file), file)
        }
        #endif
        return (.system, nil)
    }

    #if DEBUG
    /// A clock for end-to-end tests of a register over simulated months: the time is the RFC 3339 instant written in
    /// `file`, read at every call, so a test moves the time by rewriting the file while riskd runs; the system
    /// time while the file is missing or holds no instant. The local date is the system time zone's, as in
    /// production. Compiled into debug builds only.
    static func testClock(file: String) -> Clock {
        Clock(
            now: {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                    let instant = Instant(rfc3339: text.trimmingCharacters(in: .whitespacesAndNewlines))
                else { return Clock.system.now() }
                return instant
            },
            localDate: Clock.system.localDate
        )
    }
    #endif
}
