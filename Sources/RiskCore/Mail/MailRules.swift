/// What the outbox's methods may do to a mail in each state, as pure functions: the deliverer's claim, report and
/// bounce, and the secretariat's retry. What becomes of a reported mail is `DeliveryOutcome.next`.
public enum MailRules {
    /// How long a claimed mail may wait for its report before it is marked uncertain, in seconds.
    public static let claimLease: Int64 = 600

    /// Why a mail claimed more than `claimLease` ago and never reported is uncertain.
    public static let unreportedReason =
        "the deliverer claimed it and never said whether the MTA took it: it may or may not have been sent, and "
        + "riskd will not send it again by itself"

    /// The mails of a restored backup that may have gone out after the backup was taken: those it holds as queued
    /// or being sent. They become uncertain (`restoredReason`), never sent a second time by riskd itself.
    public static let unsureAfterRestore: [MailState] = [.queued, .sending]

    /// Why a mail of a restored backup is uncertain.
    public static let restoredReason =
        "restored from a backup: it may have been sent after the backup was taken, so riskd will not send it again "
        + "by itself"

    /// Whether a mail of `kind` is checked against the register when it is claimed (`NoticeTruth`): a notice or a
    /// recusal mail, whose notices may have stopped being true since they were queued.
    public static func checkedAtClaim(kind: String) -> Bool {
        kind == "notice" || kind == "recusal"
    }

    /// Why a claimed mail is dropped when none of its notices is true any more (`reasons`, one a notice).
    public static func droppedReason(_ reasons: [String]) -> String {
        "no longer true when its turn came: " + reasons.joined(separator: "; ")
    }

    /// Refuses a report about mail `id`, in `state`, unless it is being sent or is uncertain (a late report is the
    /// truth): as `NotFound`, since the deliverer holds no such claim.
    public static func report(_ id: Int, state: MailState) throws(DomainError) {
        guard state == .sending || state == .uncertain else { throw .notFound(.mail, id: id) }
    }

    /// Refuses to queue mail `id`, in `state`, again unless it failed or is uncertain.
    public static func retry(_ id: Int, state: MailState) throws(DomainError) {
        guard state == .failed || state == .uncertain else {
            throw .invalidValue("id", "mail \(id) is \(state.rawValue): only a failed or uncertain mail is retried")
        }
    }

    /// Whether a bounce changes mail `id`, in `state` after `attempts` attempts: not when it is bounced already (the
    /// deliverer may report a bounce again, and it counts once). Refused for a mail never handed to the MTA (no
    /// attempt yet, or dropped): it cannot have been returned. Any other may bounce, whatever riskd recorded of the
    /// handover: a sendmail killed by the timeout may have queued it, and an uncertain one may have gone.
    public static func bounces(_ id: Int, state: MailState, attempts: Int) throws(DomainError) -> Bool {
        if state == .bounced { return false }
        guard state != .dropped, attempts > 0 else {
            throw .invalidValue(
                "messageId",
                "mail \(id) is \(state.rawValue) and was never handed to the MTA: it cannot have bounced"
            )
        }
        return true
    }
}
