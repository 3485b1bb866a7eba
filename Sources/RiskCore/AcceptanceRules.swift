/// When an acceptance stops holding: the board accepted a risk *as it was*, until a date.
///
/// An acceptance lapses when its date has passed (found by the review run) or at once when the risk's current score
/// rises above the score it was accepted at (an Update or a Review). The risk then goes back to `open` with
/// `lapsedOn` set, so that `risk-acceptance-expired` stays open until someone reviews, accepts again or closes it.
public enum AcceptanceRules {
    /// Why an acceptance lapsed.
    public enum Lapse: Sendable, Hashable, CustomStringConvertible {
        /// `acceptedUntil` is before today.
        case expired(until: CalendarDate)
        /// The current score rose above the accepted one.
        case scoreRose(accepted: Int, now: Int)

        public var description: String {
            switch self {
            case .expired(let until): "the acceptance ran until \(until)"
            case .scoreRose(let accepted, let now): "the score rose from \(accepted), when accepted, to \(now)"
            }
        }
    }

    /// Why `risk`'s acceptance no longer holds on `today`, or `nil` when it holds or the risk is not accepted.
    public static func lapse(of risk: Risk, today: CalendarDate) -> Lapse? {
        guard risk.status == .accepted else { return nil }
        if let accepted = risk.acceptedScore, risk.score > accepted {
            return .scoreRose(accepted: accepted, now: risk.score)
        }
        if let until = risk.acceptedUntil, until < today {
            return .expired(until: until)
        }
        return nil
    }

    /// `risk` with its acceptance lapsed on `today`: open again, `lapsedOn` set, the acceptance's date cleared (the
    /// accepted score and decision stay, as a record of what was accepted).
    public static func lapsed(_ risk: Risk, today: CalendarDate, now: Instant) -> Risk {
        var lapsed = risk
        lapsed.status = .open
        lapsed.acceptedUntil = nil
        lapsed.lapsedOn = today
        lapsed.revision += 1
        lapsed.updatedAt = now
        return lapsed
    }
}
