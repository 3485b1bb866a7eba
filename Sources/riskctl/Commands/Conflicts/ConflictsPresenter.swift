import RiskProtocol

/// How conflicts are printed for people.
enum ConflictsPresenter {
    /// The interest of a conflict as printed: `I-7`, or `withheld` when the register hides it from the reader
    /// (another member's sensitive interest is left out of the reply altogether).
    static func interest(of conflict: InterestInterface.Conflict) -> String {
        conflict.interestId == 0 ? conflict.kind : RecordKind.interest.format(conflict.interestId)
    }
}
