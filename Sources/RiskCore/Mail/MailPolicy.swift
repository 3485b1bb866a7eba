/// What riskd mails, to whom, and how it retries (`[mail]` in riskd.toml, riskd.toml(5)).
public struct MailPolicy: Sendable, Hashable {
    /// `enabled`: whether riskd queues reminders, notices and the digest at all. Test mails go whatever it says.
    public var enabled = false
    /// `from`: the From header and the envelope sender; bounces come back to it, where the deliverer reads them.
    public var from = MailAddress.riskdMailLocalhost
    /// `organisation`: the name mails are signed with and their subjects start with.
    public var organisation = "riskd"
    /// `domain`: a user with no address of their own is mailed at `user@domain`; `nil`, they are not mailed.
    public var domain: String?
    /// `admins`: the secretariat's addresses, which get the daily digest.
    public var admins: [MailAddress] = []
    /// `notices`: the kinds sent; a kind left out is neither queued nor sent.
    public var kinds = Set(NoticeKind.allCases)
    /// `notice_days_before`: how many days before a due date the "due" notices go.
    public var noticeDaysBefore = 14
    /// `max_attempts`: submissions a mail gets while the MTA defers it; then it fails.
    public var maxAttempts = 12

    public init() {}

    /// Whether notices of `kind` are queued.
    public func sends(_ kind: NoticeKind) -> Bool {
        enabled && kinds.contains(kind)
    }

    /// Where `user` is mailed: their own address (`contact`), else `user@domain`, else nowhere.
    public func address(of user: String, contact: String?) -> String? {
        if let contact { return contact }
        return domain.flatMap { MailAddress.at($0, user: user)?.description }
    }

    /// Seconds until the next attempt after `attempts` submissions the MTA deferred: 1 minute, doubling, at most
    /// 6 hours (twelve attempts span about a day).
    public static func backoff(afterAttempts attempts: Int) -> Int64 {
        let minutes = Int64(1) << Int64(min(max(attempts - 1, 0), 20))
        return min(minutes * 60, 6 * 3600)
    }
}

/// Where a mail of the outbox stands.
public enum MailState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its next attempt.
    case queued
    /// Claimed by the deliverer, being handed to the MTA.
    case sending
    /// Accepted by the MTA.
    case sent
    /// Refused by the MTA, or deferred `max_attempts` times.
    case failed
    /// Claimed and never reported: it may or may not have reached the MTA, so riskd does not send it again.
    case uncertain
    /// Not sent: every notice in it stopped being true before the deliverer claimed it (the reason says why).
    case dropped
    /// Accepted by the MTA, then returned to the sender as undeliverable.
    case bounced
}

/// What the deliverer reports of one submission, and what becomes of the mail.
public enum DeliveryOutcome: String, Sendable, Hashable, CaseIterable {
    case sent, deferred, rejected

    /// Reads a report's `outcome` and `reason` (required unless sent, at most 1000 characters).
    public static func read(outcome: String, reason: String?) throws(DomainError) -> (DeliveryOutcome, String?) {
        guard let parsed = DeliveryOutcome(rawValue: outcome) else {
            throw DomainError.invalidValue("outcome", "must be one of sent, deferred, rejected, not \"\(outcome)\"")
        }
        if let reason, reason.count > 1000 {
            throw DomainError.invalidValue("reason", "must be at most 1000 characters, not \(reason.count)")
        }
        let text = reason.map { MailText.line($0, limit: 1000) }
        guard parsed == .sent || !(text ?? "").isEmpty else {
            throw DomainError.invalidValue("reason", "must say what the MTA answered when the mail was not sent")
        }
        return (parsed, text)
    }

    /// The mail's state after this outcome of attempt number `attempts`, and when to try again if it waits.
    public func next(
        attempts: Int,
        reason: String?,
        now: Instant,
        policy: MailPolicy
    )
        -> (state: MailState, retryAt: Instant?, reason: String?)
    {
        switch self {
        case .sent:
            return (.sent, nil, reason)
        case .rejected:
            return (.failed, nil, reason)
        case .deferred:
            guard attempts < policy.maxAttempts else {
                return (.failed, nil, "deferred \(attempts) times, riskd gave up: \(reason ?? "")")
            }
            return (.queued, now.adding(seconds: MailPolicy.backoff(afterAttempts: attempts)), reason)
        }
    }
}
