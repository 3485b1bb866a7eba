import RiskProtocol

/// How conflicts are printed for people.
enum ConflictsPresenter {
    /// The interest of a conflict as printed: `I-7`, or `withheld` when the reader may not see it.
    static func interest(of conflict: InterestInterface.Conflict) -> String {
        conflict.interestId == 0 ? conflict.kind : RecordKind.interest.format(conflict.interestId)
    }
}
