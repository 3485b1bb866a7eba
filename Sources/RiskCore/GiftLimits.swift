/// The limits the board set for gifts and hospitality (`interests.gift_declare_above`, `gift_refuse_above`,
/// `currency`): amounts in the organisation's currency.
///
/// With a limit set, a `gift` declaration must say what it is worth (its `value`, a number, optionally with the
/// currency code: `120`, `120.50`, `EUR 120`, `120 EUR`); one above the refuse limit raises the finding
/// `interest-gift-over-limit`. With neither set, a gift's value stays free text. The declare limit is the board's
/// rule for members (gifts above it must be declared), which riskd shows them but cannot enforce: it never sees a
/// gift that nobody declared.
public struct GiftLimits: Sendable, Hashable {
    /// Gifts worth more than this must be declared.
    public var declareAbove: Double?
    /// Gifts worth more than this are to be refused.
    public var refuseAbove: Double?
    /// The organisation's currency code, e.g. "EUR"; `nil` when not set.
    public var currency: String?

    public init(declareAbove: Double? = nil, refuseAbove: Double? = nil, currency: String? = nil) {
        self.declareAbove = declareAbove
        self.refuseAbove = refuseAbove
        self.currency = currency
    }

    /// Whether any limit is set (then a gift's value must be an amount).
    public var isSet: Bool { declareAbove != nil || refuseAbove != nil }

    /// The amount `value` states: a number with `.` or `,` for decimals, optionally with the currency code before or
    /// after it; `nil` when it is not one.
    public func amount(of value: String) -> Double? {
        var text = Substring(value.trimmingSpaces)
        if let currency, !currency.isEmpty {
            if text.uppercased().hasPrefix(currency.uppercased()) { text = text.dropFirst(currency.count) }
            if text.uppercased().hasSuffix(currency.uppercased()) { text = text.dropLast(currency.count) }
        }
        let number = String(text).trimmingSpaces.replacingComma
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            number.filter({ $0 == "." }).count <= 1, let amount = Double(number), amount.isFinite
        else { return nil }
        return amount
    }

    /// Checks the value of a gift declaration against the limits: with a limit set it must be an amount.
    public func check(kind: InterestKind, value: String?) throws(DomainError) {
        guard kind == .gift, isSet else { return }
        let unit = currency.map { " in \($0)" } ?? ""
        guard let value, !value.isEmpty else {
            throw .invalidValue("value", "must give what the gift is worth\(unit): the board set limits for gifts")
        }
        guard amount(of: value) != nil else {
            throw .invalidValue("value", "must be an amount\(unit) such as 120 or 120.50, not \"\(value)\"")
        }
    }

    /// Whether a gift worth `value` is above the refuse limit.
    public func isOverRefuseLimit(_ value: String?) -> Bool {
        guard let refuseAbove, let value, let amount = amount(of: value) else { return false }
        return amount > refuseAbove
    }

    /// `amount` written for people: `120 EUR`, or `120.5` without a currency.
    public func written(_ amount: Double) -> String {
        let number = amount == amount.rounded() && abs(amount) < 1e15 ? String(Int64(amount)) : String(amount)
        return currency.map { "\(number) \($0)" } ?? number
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// A decimal comma (`120,50`, as written in much of Europe) as a point.
    /// (`1,200` is not one: a comma followed by three digits reads as thousands, and is left for `amount` to refuse.)
    fileprivate var replacingComma: String {
        let parts = split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[1].count), !contains(".") else { return self }
        return "\(parts[0]).\(parts[1])"
    }
}
