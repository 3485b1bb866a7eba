import GRDB
import RiskCore

/// One mail of the outbox as stored: what `mail.Status` lists and `mail.Claim` hands out.
public struct MailRecord: Sendable, Hashable {
    public var id: Int
    public var kind: String
    public var user: String?
    public var recipient: String
    public var sender: String
    public var subject: String
    public var messageID: String
    /// The whole message as sendmail reads it.
    public var message: String
    public var state: MailState
    public var queuedAt: Instant
    public var attempts: Int
    public var nextAttemptAt: Instant?
    public var sentAt: Instant?
    public var reason: String?

    static let columns = """
        id, kind, user, recipient, sender, subject, message_id, message, state, queued_at, attempts, next_attempt_at,
        sent_at, reason
        """

    init(row: Row) throws(StoreError) {
        let id: Int = row["id"]
        guard let state = MailState(rawValue: row["state"]), let queuedAt = Instant(rfc3339: row["queued_at"]) else {
            throw .corrupt("mail \(id)")
        }
        self.id = id
        kind = row["kind"]
        user = row["user"]
        recipient = row["recipient"]
        sender = row["sender"]
        subject = row["subject"]
        messageID = row["message_id"]
        message = row["message"]
        self.state = state
        self.queuedAt = queuedAt
        attempts = row["attempts"]
        nextAttemptAt = (row["next_attempt_at"] as Int64?).map { Instant(secondsSinceEpoch: $0) }
        sentAt = (row["sent_at"] as String?).flatMap { Instant(rfc3339: $0) }
        reason = row["reason"]
    }
}

/// Where the store writes mails from: the daemon's `[mail]` settings and its local calendar, set at start and on
/// reload (`RiskDatabase.configureMail`). Until then mail is off.
public struct MailSettings: Sendable {
    public var policy: MailPolicy
    /// The daemon's local date of an instant: "one mail a day" counts local days.
    public var localDate: @Sendable (Instant) -> CalendarDate
    /// The full name of an account (GECOS), for a mail's greeting when no name was set with `member.SetName`.
    public var accountName: @Sendable (String) -> String?

    public init(
        policy: MailPolicy = MailPolicy(),
        accountName: @escaping @Sendable (String) -> String? = { _ in nil },
        localDate: @escaping @Sendable (Instant) -> CalendarDate = { $0.utcDate }
    ) {
        self.policy = policy
        self.accountName = accountName
        self.localDate = localDate
    }
}
