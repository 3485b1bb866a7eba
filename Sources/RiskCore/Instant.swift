/// A point in time with one-second precision, written as RFC 3339 UTC (`2026-11-29T06:00:00Z`).
///
/// The core never reads a clock: instants come in as arguments.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds and numeric offsets are accepted and applied).
    public init?(rfc3339 text: String) {
        var text = text
        guard let seconds = text.withUTF8(Self.parse) else { return nil }
        self.secondsSinceEpoch = seconds
    }

    private static func parse(_ chars: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard chars.count >= 20, let date = CalendarDate.parse(chars, from: 0),
            chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t") || chars[10] == UInt8(ascii: " "),
            chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
            let hour = CalendarDate.digits(chars, at: 11, count: 2),
            let minute = CalendarDate.digits(chars, at: 14, count: 2),
            let second = CalendarDate.digits(chars, at: 17, count: 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if chars[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < chars.count, chars[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard index > start else { return nil }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        switch chars[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == chars.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == chars.count, chars[index + 3] == UInt8(ascii: ":"),
                let hours = CalendarDate.digits(chars, at: index + 1, count: 2),
                let minutes = CalendarDate.digits(chars, at: index + 4, count: 2)
            else { return nil }
            offset = (hours * 60 + minutes) * 60 * (chars[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        return Int64(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    /// The UTC calendar date of this instant.
    public var utcDate: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((secondsSinceEpoch - Self.floorMod(secondsSinceEpoch, 86_400)) / 86_400))
    }

    /// RFC 3339 UTC, second precision.
    public var description: String {
        let secondOfDay = Int(Self.floorMod(secondsSinceEpoch, 86_400))
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        return "\(utcDate)T\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2)):\(CalendarDate.pad(second, 2))Z"
    }

    /// The instant `seconds` later.
    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    static func floorMod(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
