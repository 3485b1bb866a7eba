/// One message as riskd hands it to sendmail: RFC 5322 headers and a plain-text UTF-8 body, LF line ends (sendmail
/// turns them into CRLF on the wire).
///
/// Every header value comes from a checked `MailAddress`, the configuration or riskd's own text; `MailText.line`
/// takes line breaks out of anything from the register, so no value can start a header of its own.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    /// The display name of From, e.g. "Network of drug-policy NGOs — risk register".
    public var fromName: String
    public var to: MailAddress
    public var subject: String
    public var date: Instant
    /// Without angle brackets: `riskd.12.20261203@example.org`.
    public var messageID: String
    public var body: String

    public init(
        from: MailAddress,
        fromName: String,
        to: MailAddress,
        subject: String,
        date: Instant,
        messageID: String,
        body: String
    ) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
    }

    /// The message as sendmail reads it on standard input.
    public var rendered: String {
        let headers = [
            Self.folded("From: \(Self.phrase(fromName))", then: "<\(from)>"),
            "To: <\(to)>",
            "Subject: \(Self.unstructured(subject))",
            "Date: \(Self.date(date))",
            "Message-ID: <\(messageID)>",
            // RFC 3834: an automatic message, not to be answered by vacation responders.
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: All",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return headers.joined(separator: "\n") + "\n\n" + MailText.wrap(body) + "\n"
    }

    /// A display name: a quoted string in ASCII, or RFC 2047 encoded words.
    static func phrase(_ text: String) -> String {
        let clean = MailText.line(text, limit: 200)
        guard clean.allSatisfy(\.isASCII) else { return encodedWords(clean) }
        let escaped = clean.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }
        return "\"\(String(escaped))\""
    }

    /// Unstructured header text (Subject): as it is in ASCII, folded; RFC 2047 encoded words otherwise.
    static func unstructured(_ text: String) -> String {
        let clean = MailText.line(text, limit: 300)
        guard clean.allSatisfy(\.isASCII) else { return encodedWords(clean) }
        return clean
    }

    /// `head` and ` tail` on one line when it fits in 78 characters, else `tail` on a folded line of its own.
    static func folded(_ head: String, then tail: String) -> String {
        let last = head.split(separator: "\n").last.map(String.init) ?? head
        return last.count + 1 + tail.count <= 78 ? "\(head) \(tail)" : "\(head)\n \(tail)"
    }

    /// `=?UTF-8?B?…?=` words of at most 52 characters (30 bytes of text), one per folded line, never splitting a
    /// character, so that each header line stays within 78 characters.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 30 {
                words.append("=?UTF-8?B?\(Base64.encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: "\n ")
    }

    /// RFC 5322 date-time in UTC: `Thu, 03 Dec 2026 11:34:52 +0000`.
    static func date(_ instant: Instant) -> String {
        let day = instant.utcDate
        let (year, month, dayOfMonth) = day.components
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday.
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(Instant.floorMod(Int64(day.daysSinceEpoch), 7))]
        let time = instant.description.dropFirst(11).prefix(8)
        return "\(weekday), \(CalendarDate.pad(dayOfMonth, 2)) \(months[month - 1]) \(year) \(time) +0000"
    }
}

/// Base64 (RFC 4648) of a few bytes, for encoded words.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [Character] = []
        var index = 0
        while index < bytes.count {
            let b0 = Int(bytes[index])
            let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[(b0 & 3) << 4 | b1 >> 4])
            out.append(index + 1 < bytes.count ? alphabet[(b1 & 15) << 2 | b2 >> 6] : "=")
            out.append(index + 2 < bytes.count ? alphabet[b2 & 63] : "=")
            index += 3
        }
        return String(out)
    }
}
