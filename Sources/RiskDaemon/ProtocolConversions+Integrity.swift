import RiskCore
import RiskProtocol
import RiskStore

/// The values of the integrity register (organisations, interests, checks, members) as the wire types of
/// `org.riskd.organisation`, `org.riskd.interest` and `org.riskd.member`.
extension OrganisationInterface.Organisation {
    init(_ organisation: RiskCore.Organisation) {
        self.init(
            id: organisation.id,
            revision: organisation.revision,
            name: organisation.name,
            aliases: organisation.aliases,
            kind: OrganisationInterface.Kind(organisation.kind),
            interest: organisation.interest.map(OrganisationInterface.Level.init),
            power: organisation.power.map(OrganisationInterface.Level.init),
            note: organisation.note
        )
    }
}

extension OrganisationDraft {
    init(_ new: OrganisationInterface.NewOrganisation) {
        self.init(
            name: new.name,
            aliases: new.aliases,
            kind: new.kind,
            interest: new.interest,
            power: new.power,
            note: new.note
        )
    }
}

extension InterestInterface.Interest {
    /// The interest as it stands on `today` (its status depends on the day).
    init(_ interest: RiskCore.Interest, today: CalendarDate) {
        self.init(
            id: interest.id,
            revision: interest.revision,
            declarant: interest.declarant,
            kind: InterestInterface.Kind(interest.kind),
            organisation: interest.organisation,
            organisationId: interest.organisationId,
            description: interest.description,
            value: interest.value,
            sensitive: interest.sensitive,
            startedOn: interest.startedOn.description,
            endedOn: interest.endedOn?.description,
            declaredAt: interest.declaredAt.description,
            late: interest.late,
            status: InterestInterface.Status(interest.status(today: today)),
            managementPlan: interest.managementPlan,
            managedBy: interest.managedBy,
            managedAt: interest.managedAt?.description,
            erased: interest.erased
        )
    }
}

extension InterestInterface.Confirmation {
    init(_ confirmation: RiskCore.Confirmation) {
        self.init(
            declarant: confirmation.declarant,
            confirmedAt: confirmation.confirmedAt.description,
            nothingToDeclare: confirmation.nothingToDeclare
        )
    }
}

extension InterestInterface.ConflictCheck {
    /// The check as the caller reads it: what they may see is decided before (`InterestViewer.view`).
    init(_ check: RiskCore.ConflictCheck) {
        self.init(
            id: check.id,
            at: check.at.description,
            by: check.by,
            matter: check.matter,
            organisations: check.organisations,
            conflicts: check.conflicts.map { conflict in
                let match = InterestInterface.Match(conflict.match)
                return InterestInterface.Conflict(
                    declarant: conflict.declarant,
                    interestId: conflict.interestId,
                    kind: conflict.kind,
                    organisation: conflict.organisation,
                    match: match,
                    reason: conflict.reason
                )
            }
        )
    }
}

extension MemberInterface.Member {
    /// - Parameter domain: `mail.domain`, for the address of a member who set none.
    /// - Parameter name: the member's name (`PeopleNames.name`).
    init(
        _ member: RiskCore.Member,
        roles: Set<Role>,
        confirmationDue: CalendarDate,
        domain: String? = nil,
        name: String? = nil
    ) {
        self.init(
            user: member.user,
            uid: member.uid,
            roles: roles.sorted().map(\.rawValue),
            firstSeenAt: member.firstSeenAt.description,
            lastConfirmedAt: member.lastConfirmedAt?.description,
            confirmationDue: confirmationDue.description,
            acknowledgedVersion: member.acknowledgedVersion,
            activeInterests: member.activeInterests,
            openFindings: member.openFindings,
            email: member.contact ?? domain.flatMap { MailAddress.at($0, user: member.user)?.description },
            emailSet: member.contact != nil,
            name: name
        )
    }
}

extension Configuration.Interests {
    /// The rules of the register of interests this configuration sets.
    var policy: InterestPolicy {
        InterestPolicy(
            lateAfterDays: lateAfterDays,
            firstConfirmationDays: firstConfirmationDays,
            confirmEveryDays: confirmEveryDays,
            boardSeesRegister: boardSeesRegister,
            maximumDeclarationsPerMember: maxDeclarationsPerMember,
            maximumOrganisationsPerCheck: maxOrganisationsPerCheck,
            registerOpenedOn: registerOpenedOn,
            gifts: GiftLimits(declareAbove: giftDeclareAbove, refuseAbove: giftRefuseAbove, currency: currency)
        )
    }
}
