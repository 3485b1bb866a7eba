/// Who reads the register of interests, and so what they may see of it.
///
/// Administrators and auditors see everything. A board member sees their own records, and other members'
/// entries that are not sensitive when `interests.board_sees_register` is set. An interest they may not see is
/// left out of lists and refused on `Get`. In a conflict check, a conflict from another member's sensitive
/// interest is left out; one from an interest they may not see for another reason (the register is closed to
/// them) shows only who and how it matched (`withheld`).
///
/// What a viewer sees is decided when a record is shown, from the interest's state at that moment: a conflict
/// carries the `sensitive` flag its interest has now, never the one it had when the check ran.
public enum InterestViewer: Sendable, Hashable {
    /// An administrator or auditor.
    case registerKeeper
    /// Board member `user`; `seesRegister` mirrors `interests.board_sees_register`.
    case boardMember(String, seesRegister: Bool)

    /// The viewer for a caller with `roles`: admin and auditor keep the register, anyone else reads as a member.
    public init(user: String, roles: Set<Role>, seesRegister: Bool) {
        if roles.contains(.admin) || roles.contains(.auditor) {
            self = .registerKeeper
        } else {
            self = .boardMember(user, seesRegister: seesRegister)
        }
    }

    /// Whether the viewer may see an interest of `declarant`.
    public func maySee(declarant: String, sensitive: Bool) -> Bool {
        switch self {
        case .registerKeeper: true
        case .boardMember(let user, let seesRegister): declarant == user || (seesRegister && !sensitive)
        }
    }

    /// Whether the viewer may see `interest`.
    public func maySee(_ interest: Interest) -> Bool {
        maySee(declarant: interest.declarant, sensitive: interest.sensitive)
    }

    /// Whether the viewer may read a conflict check run by `by`: their own, or any when they see the register.
    public func maySeeCheck(by: String) -> Bool {
        switch self {
        case .registerKeeper: true
        case .boardMember(let user, let seesRegister): by == user || seesRegister
        }
    }

    /// The one declarant whose interests the viewer counts (`daemon.Status`): a board member counts their own
    /// only, so that a count cannot tell them how many sensitive interests others hold; `nil` counts every one.
    public var countedDeclarant: String? {
        switch self {
        case .registerKeeper: nil
        case .boardMember(let user, _): user
        }
    }

    /// The conflicts as the viewer reads them: those from another member's sensitive interest left out, those from
    /// other interests they may not see withheld, and withheld ones that would read the same given once.
    ///
    /// `sensitive` must be the interest's current state (a check stores references, and the store resolves them
    /// when the check is read).
    public func view(_ conflicts: [Conflict]) -> [Conflict] {
        var seen = Set<Conflict>()
        return conflicts.compactMap { conflict in
            guard !maySee(declarant: conflict.declarant, sensitive: conflict.sensitive) else { return conflict }
            guard !conflict.sensitive else { return nil }
            let withheld = conflict.withheld
            return seen.insert(withheld).inserted ? withheld : nil
        }
    }

    /// The check as the viewer reads it.
    public func view(_ check: ConflictCheck) -> ConflictCheck {
        var check = check
        check.conflicts = view(check.conflicts)
        return check
    }
}
