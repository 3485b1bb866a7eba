/// Where a notice of the outbox stands.
public enum NoticeState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its person's next daily mail.
    case pending
    /// Written into a mail (`mail_id`).
    case mailed
    /// Not sent: its person has no address; the digest names them.
    case unaddressed
    /// Taken out of its mail at the claim: no longer true (the reason says why).
    case dropped
}
