#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 3339 times and calendar days from the C library, so that riskctl needs no ICU: FoundationEssentials has no
/// ISO8601DateFormatter, and its time zones and calendars in local time would pull in FoundationInternationalization.
enum RFC3339 {
    /// Seconds since the epoch of an RFC 3339 time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and `Z` in
    /// either case; `nil` for anything else, or for a field out of range. The fraction is dropped.
    static func seconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int, in set: String) -> Bool {
            index < bytes.count && set.utf8.contains(bytes[index])
        }
        guard let year = number(0, 4), byte(4, in: "-"), let month = number(5, 2), byte(7, in: "-"),
            let day = number(8, 2), byte(10, in: "Tt"), let hour = number(11, 2), byte(13, in: ":"),
            let minute = number(14, 2), byte(16, in: ":"), let second = number(17, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 61
        else { return nil }
        var index = 19
        if byte(index, in: ".") {
            index += 1
            let digits = index
            while byte(index, in: "0123456789") { index += 1 }
            guard index > digits else { return nil }
        }
        var offset = 0
        if byte(index, in: "Zz") {
            index += 1
        } else if byte(index, in: "+-"), let hours = number(index + 1, 2), byte(index + 3, in: ":"),
            let minutes = number(index + 4, 2), hours < 24, minutes < 60
        {
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Int(timegm(&parts)) - offset
    }

    /// `seconds` since the epoch as the protocol writes times: `YYYY-MM-DDTHH:MM:SSZ`, UTC, whole seconds.
    static func utc(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return day(parts) + "T" + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "Z"
    }

    /// The date `YYYY-MM-DD` in the local time zone (TZ, /etc/localtime) at `seconds` since the epoch.
    static func localDay(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        return day(parts)
    }

    /// Seconds since the epoch, now.
    static func now() -> Int {
        Int(time(nil))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func day(_ parts: tm) -> String {
        pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2)
    }

    /// `value` in decimal, with leading zeros to `width` digits.
    static func pad(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
