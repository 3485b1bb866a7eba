/// What a review run does to the stored findings, decided from the open findings and this run's observations.
///
/// A finding is raised once, stays open while its condition holds, resolves itself when the condition clears, and
/// is reminded every `remindEveryDays` while open and not acknowledged. Nothing is stored or sent here.
///
/// A finding that still holds with the same severity and message, and is not due for a reminder, gets no change:
/// most findings of a daily run are such, and the store marks every open finding seen at the end of a run with
/// one statement instead of one each.
public enum FindingLifecycle {
    /// One step for one finding.
    public enum Change: Sendable, Hashable {
        /// A new finding: store it and alert.
        case raise(Observation)
        /// Still holds, with a new severity or message or a reminder due: store them; alert again when `remind`
        /// is set.
        case persist(id: Int, Observation, remind: Bool)
        /// No longer holds: mark it resolved and alert once.
        case resolve(id: Int)
    }

    /// The changes of a run at `now`, in observation order then by id for resolutions.
    public static func reconcile(
        open: [OpenFinding],
        observations: [Observation],
        now: Instant,
        remindEveryDays: Int
    ) -> [Change] {
        // One hash lookup an observation: a daily run over a large register reconciles a hundred thousand.
        var positions: [FindingKey: Int] = [:]
        positions.reserveCapacity(open.count)
        for (position, finding) in open.enumerated() {
            positions[finding.key] = position
        }
        var seen = [Bool](repeating: false, count: open.count)
        var raised = Set<FindingKey>()
        var changes: [Change] = []
        for observation in observations {
            guard let position = positions[observation.key] else {
                if raised.insert(observation.key).inserted {
                    changes.append(.raise(observation))
                }
                continue
            }
            guard !seen[position] else { continue }
            seen[position] = true
            let finding = open[position]
            let remind = isReminderDue(finding, now: now, remindEveryDays: remindEveryDays)
            if remind || finding.severity != observation.severity || finding.message != observation.message {
                changes.append(.persist(id: finding.id, observation, remind: remind))
            }
        }
        let unseen = open.indices.filter { !seen[$0] }.map { open[$0] }
        for finding in unseen.sorted(by: { $0.id < $1.id }) {
            changes.append(.resolve(id: finding.id))
        }
        return changes
    }

    /// Whether an open finding is due for a reminder: unacknowledged, and last alerted `remindEveryDays` or more
    /// before `now`.
    public static func isReminderDue(_ finding: OpenFinding, now: Instant, remindEveryDays: Int) -> Bool {
        guard !finding.acknowledged else { return false }
        guard let last = finding.lastAlertedAt else { return true }
        return now.secondsSinceEpoch - last.secondsSinceEpoch >= Int64(remindEveryDays) * 86_400
    }
}
