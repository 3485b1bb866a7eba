import RiskCore
import TOMLKit

/// The readers of one TOML value each: a wrong type or range is a `SetterError` whose reason riskd.toml(5) quotes.
extension ConfigurationLoader {
    static func string(_ value: any TOMLValueConvertible) throws(SetterError) -> String {
        guard let text = value.string else { throw SetterError(reason: "must be a string in quotes") }
        return text
    }

    static func path(_ value: any TOMLValueConvertible) throws(SetterError) -> String {
        let text = try string(value)
        guard text.hasPrefix("/") else { throw SetterError(reason: "must be an absolute path, not \"\(text)\"") }
        return text
    }

    static func bool(_ value: any TOMLValueConvertible) throws(SetterError) -> Bool {
        guard let flag = value.bool else { throw SetterError(reason: "must be true or false") }
        return flag
    }

    static func int(_ value: any TOMLValueConvertible, _ range: ClosedRange<Int>) throws(SetterError) -> Int {
        guard let number = value.int, value.type == .int else { throw SetterError(reason: "must be a whole number") }
        guard range.contains(number) else {
            throw SetterError(reason: "must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
        }
        return number
    }

    /// An amount of money: a whole or decimal number, 0 or more.
    static func amount(_ value: any TOMLValueConvertible) throws(SetterError) -> Double {
        let number: Double? =
            switch value.type {
            case .int: value.int.map(Double.init)
            case .double: value.double
            default: nil
            }
        guard let number, number.isFinite else { throw SetterError(reason: "must be a number such as 50 or 50.5") }
        guard number >= 0 else { throw SetterError(reason: "must be 0 or more, not \(number)") }
        return number
    }

    /// A calendar date, as a TOML date (`2026-01-15`) or a string (`"2026-01-15"`).
    static func date(_ value: any TOMLValueConvertible) throws(SetterError) -> CalendarDate {
        if let date = value.date, let day = CalendarDate(year: date.year, month: date.month, day: date.day) {
            return day
        }
        guard let text = value.string, let day = CalendarDate(text) else {
            throw SetterError(reason: "must be a date written YYYY-MM-DD, such as 2026-01-15")
        }
        return day
    }

    static func days(_ value: any TOMLValueConvertible) throws(SetterError) -> Int {
        try int(value, 1...36_500)
    }

    static func strings(_ value: any TOMLValueConvertible) throws(SetterError) -> [String] {
        guard let array = value.array else { throw SetterError(reason: "must be a list of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else { throw SetterError(reason: "must be a list of strings") }
            result.append(text)
        }
        return result
    }

    static func identities(_ value: any TOMLValueConvertible) throws(SetterError) -> [Identity] {
        try strings(value).map { text throws(SetterError) in
            guard let identity = Identity(text) else {
                throw SetterError(reason: "\"\(text)\" is not unix-user:NAME, unix-user:UID or unix-group:NAME")
            }
            return identity
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
