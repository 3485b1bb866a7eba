/// The parameters of `mail.Bounced`, checked: a Message-ID as riskd writes them (no brackets, no spaces or
/// control characters, at most 250 characters) and a reason of 1 to 1000 characters, put on one line.
public enum MailBounce {
    /// The checked Message-ID and reason; `InvalidValue` naming the parameter otherwise.
    public static func read(
        messageId: String,
        reason: String
    ) throws(DomainError) -> (messageID: String, reason: String) {
        let forbidden = messageId.unicodeScalars.contains { scalar in
            scalar.value <= 0x20 || scalar.value == 0x7f || scalar == "<" || scalar == ">"
        }
        guard !messageId.isEmpty, messageId.count <= 250, !forbidden else {
            throw DomainError.invalidValue(
                "messageId",
                "must be a Message-ID without its angle brackets: 1 to 250 characters, no spaces"
            )
        }
        guard reason.count <= 1000 else {
            throw DomainError.invalidValue("reason", "must be at most 1000 characters, not \(reason.count)")
        }
        let text = MailText.line(reason, limit: 1000)
        guard !text.isEmpty else {
            throw DomainError.invalidValue("reason", "must say what the returned notification said")
        }
        return (messageId, text)
    }
}
