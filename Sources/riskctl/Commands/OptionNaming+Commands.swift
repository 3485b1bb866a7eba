// The protocol field each option of a command sends, for `OptionNaming`: one mapping per command, kept here
// together so that a renamed option or field is seen beside the others.

extension InterestDeclareCommand: OptionNaming {
    static let optionsByField = [
        "kind": "--kind", "organisation": "--organisation", "description": "--description", "value": "--value",
        "sensitive": "--sensitive", "startedOn": "--since", "endedOn": "--until",
    ]
}

extension InterestUpdateCommand: OptionNaming {
    static let optionsByField = [
        "id": "I-ID", "ifRevision": "--if-revision", "description": "--description", "value": "--value",
        "sensitive": "--sensitive", "endedOn": "--until",
    ]
}

extension InterestEndCommand: OptionNaming {
    static let optionsByField = ["id": "I-ID", "endedOn": "--on"]
}

extension InterestConfirmCommand: OptionNaming {
    static let optionsByField = ["nothingToDeclare": "--nothing-to-declare"]
}

extension InterestManageCommand: OptionNaming {
    static let optionsByField = ["id": "I-ID", "ifRevision": "--if-revision", "plan": "--plan"]
}

extension ConcernRaiseCommand: OptionNaming {
    static let optionsByField = ["kind": "--kind", "text": "<text>", "about": "--about"]
}

extension ConcernListCommand: OptionNaming {
    static let optionsByField = ["status": "--status"]
}

extension ConcernShowCommand: OptionNaming {
    static let optionsByField = ["id": "C-ID"]
}

extension ConcernCloseCommand: OptionNaming {
    static let optionsByField = ["id": "C-ID", "status": "--upheld/--not-upheld/--withdrawn", "outcome": "--outcome"]
}

extension MemberExportCommand: OptionNaming {
    static let optionsByField = ["user": "<user>"]
}

extension InterestRegisterCommand: OptionNaming {
    static let optionsByField = ["asOf": "--as-of"]
}

extension InterestListCommand: OptionNaming {
    static let optionsByField = ["asOf": "--as-of", "organisation": "--organisation"]
}

extension MemberListCommand: OptionNaming {
    static let optionsByField = ["asOf": "--as-of"]
}

extension MeetingShowCommand: OptionNaming {
    static let optionsByField = ["id": "M-ID", "asOf": "--as-of"]
}

extension InterestEraseCommand: OptionNaming {
    static let optionsByField = ["id": "I-ID", "reason": "--reason"]
}

extension ConflictsCheckCommand: OptionNaming {
    static let optionsByField = ["organisations": "<organisation>", "matter": "--matter"]
}

extension RiskAddCommand: OptionNaming {
    static let optionsByField = RiskDetailOptions<NewRecord>.optionsByField.merging([
        "title": "--title", "category": "--category", "likelihood": "--likelihood", "impact": "--impact",
    ]) { $1 }
}

extension RiskUpdateCommand: OptionNaming {
    static let optionsByField = RiskAddCommand.optionsByField.merging(["id": "R-ID", "ifRevision": "--if-revision"]) {
        $1
    }
}

extension RiskReviewCommand: OptionNaming {
    static let optionsByField = InherentRatingChanges.optionsByField
        .merging(ResidualRatingOptions<RecordChange>.optionsByField) { $1 }
        .merging(["id": "R-ID", "note": "--note"]) { $1 }
}

extension RiskAcceptCommand: OptionNaming {
    static let optionsByField = ["id": "R-ID", "until": "--until", "note": "--note", "decision": "--decision"]
}

extension RiskListCommand: OptionNaming {
    static let optionsByField = [
        "status": "--status", "category": "--category", "owner": "--owner", "minScore": "--min-score",
        "overdue": "--overdue", "asOf": "--as-of", "aboveAppetite": "--above-appetite",
    ]
}

extension RiskMatrixCommand: OptionNaming {
    static let optionsByField = ["basis": "--inherent", "asOf": "--as-of"]
}

extension RiskHistoryCommand: OptionNaming {
    static let optionsByField = ["id": "R-ID"]
}

extension RiskAppetiteSetCommand: OptionNaming {
    static let optionsByField = ["category": "<category>", "maxScore": "<max-score>"]
}

extension RiskAppetiteUnsetCommand: OptionNaming {
    static let optionsByField = ["category": "<category>"]
}

extension RiskCloseCommand: OptionNaming {
    static let optionsByField = ["id": "R-ID", "reason": "--reason", "note": "--note"]
}

extension RiskReopenCommand: OptionNaming {
    static let optionsByField = ["id": "R-ID", "note": "--note"]
}

extension ActionAddCommand: OptionNaming {
    static let optionsByField = [
        "riskId": "R-ID", "description": "--description", "owner": "--owner", "dueOn": "--due",
    ]
}

extension ActionUpdateCommand: OptionNaming {
    static let optionsByField = [
        "id": "A-ID", "ifRevision": "--if-revision", "dueOn": "--due", "owner": "--owner", "note": "--note",
        "description": "--description",
    ]
}

extension ActionDoneCommand: OptionNaming {
    static let optionsByField = ["id": "A-ID", "note": "--note"]
}

extension ActionCancelCommand: OptionNaming {
    static let optionsByField = ["id": "A-ID", "note": "--note"]
}

extension OrganisationAddCommand: OptionNaming {
    static let optionsByField = OrganisationDetailOptions<NewRecord>.optionsByField.merging([
        "name": "<name>", "aliases": "--alias", "kind": "--kind",
    ]) { $1 }
}

extension OrganisationUpdateCommand: OptionNaming {
    static let optionsByField = OrganisationAddCommand.optionsByField.merging([
        "id": "O-ID", "ifRevision": "--if-revision", "name": "--name",
    ]) { $1 }
}

extension EthicsPublishCommand: OptionNaming {
    static let optionsByField = ["title": "--title", "body": "the text of <file>"]
}

extension ReviewAckCommand: OptionNaming {
    static let optionsByField = ["id": "F-ID", "note": "--note"]
}

extension ReviewPreviewCommand: OptionNaming {
    static let optionsByField = ["asOf": "--as-of"]
}

extension ReportBoardCommand: OptionNaming {
    static let optionsByField = ["asOf": "--as-of", "meetingId": "--meeting"]
}

extension MeetingCreateCommand: OptionNaming {
    static let optionsByField = ["title": "<title>", "date": "--date"]
}

// riskd checks the organisations of an item as a conflict check's, whose matter is the item's title.
extension MeetingItemAddCommand: OptionNaming {
    static let optionsByField = [
        "meetingId": "M-ID", "title": "<title>", "matter": "<title>", "organisations": "--org",
        "decision": "--no-decision",
    ]
}

extension MeetingPublishCommand: OptionNaming {
    static let optionsByField = ["id": "M-ID"]
}

extension MeetingListCommand: OptionNaming {
    static let optionsByField = ["since": "--since", "until": "--until", "asOf": "--as-of"]
}

// riskd refuses a recusal of a draft or closed meeting by its field recusalId: the meeting the user named.
extension MeetingRecordCommand: OptionNaming {
    static let optionsByField = [
        "recusalId": "M-ID", "action": "--action", "quorate": "--quorate", "note": "--note",
    ]
}

extension MeetingDeclareCommand: OptionNaming {
    static let optionsByField = [
        "itemId": "--item", "declarant": "--member", "kind": "--kind", "organisation": "--org",
        "description": "--description", "sensitive": "--sensitive",
    ]
}

extension MeetingCloseCommand: OptionNaming {
    static let optionsByField = ["id": "M-ID"]
}

extension MeetingCancelCommand: OptionNaming {
    static let optionsByField = ["id": "M-ID", "reason": "--reason"]
}

extension MeetingMinutesCommand: OptionNaming {
    static let optionsByField = ["id": "M-ID", "format": "--format", "asOf": "--as-of"]
}

extension MemberContactCommand: OptionNaming {
    static let optionsByField = ["user": "<user>", "email": "--email"]
}

extension MailStatusCommand: OptionNaming {
    static let optionsByField = ["state": "--state", "limit": "--limit"]
}
