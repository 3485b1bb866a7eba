import RiskProtocol
import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A member's export as the member reads it (`member export --format text|html`): headings, dates and kinds in
/// words, and every audit entry's details as `field: value` lines, never JSON inside text.
///
/// It holds what the reply holds and nothing more: the reply is everything riskd holds about the member and nothing
/// about anyone else (`member.Export`), so the document is theirs too. Personal text the audit keeps only as a keyed
/// hash is said to be so; the hash itself is left out, as it means nothing to a person.
struct MemberExportDocument {
    /// One record: a title and its fields, in order.
    struct Item {
        var title: String
        var fields: [(name: String, value: String)]
    }

    /// A heading, a sentence under it, and its records.
    struct Section {
        var heading: String
        var summary: String
        var items: [Item]
    }

    /// "Data riskd holds about Ana Petrović (rdt-board)".
    let title: String
    let sections: [Section]

    /// The document of `reply`.
    init(_ reply: MemberInterface.Export.Reply) {
        let member = reply.member
        title =
            "Data riskd holds about " + (member.name.map { "\($0) (\(member.user))" } ?? member.user)
        sections = [
            Section(heading: "Your entry", summary: "Where you stand with the register.", items: [Self.entry(member)]),
            Section(
                heading: "Interests you declared",
                summary: Self.counted(reply.interests.count, "interest", "ended and sensitive ones included"),
                items: reply.interests.map(Self.interest)
            ),
            Section(
                heading: "Confirmations of your declarations",
                summary: Self.counted(reply.confirmations.count, "confirmation"),
                items: reply.confirmations.map { confirmation in
                    Item(
                        title: DocumentWords.time(confirmation.confirmedAt),
                        fields: [
                            (
                                "What",
                                confirmation.nothingToDeclare
                                    ? "You confirmed you had nothing to declare." : "You confirmed your declarations."
                            )
                        ]
                    )
                }
            ),
            Section(
                heading: "Acknowledgements of the code of ethics",
                summary: Self.counted(reply.acknowledgements.count, "acknowledgement"),
                items: reply.acknowledgements.map { acknowledgement in
                    Item(
                        title: "Version \(acknowledgement.version)",
                        fields: [
                            ("Acknowledged", DocumentWords.time(acknowledgement.acknowledgedAt)),
                            ("Text's SHA-256", acknowledgement.sha256),
                        ]
                    )
                }
            ),
            Section(
                heading: "Your recusals at meetings",
                summary: Self.counted(reply.recusals.count, "recusal"),
                items: reply.recusals.map(Self.recusal)
            ),
            Section(
                heading: "Concerns you raised",
                summary: Self.counted(reply.concerns.count, "concern", "never those raised about you"),
                items: reply.concerns.map(Self.concern)
            ),
            Section(
                heading: "Your SSH keys and what you signed with them",
                summary: Self.counted(reply.keys.count, "key registered now")
                    + " Signed: " + Self.counted(reply.attestations.count, "attestation"),
                items: reply.keys.map { key in
                    Item(
                        title: key.fingerprint,
                        fields: [
                            ("Key", key.publicKey), ("Added", DocumentWords.time(key.addedAt) + " by \(key.addedBy)"),
                        ]
                    )
                }
                    + reply.attestations.map { attestation in
                        Item(
                            title: "Signed " + DocumentWords.time(attestation.at),
                            fields: [
                                ("What", DocumentWords.name(attestation.kind)), ("Key", attestation.fingerprint),
                                ("Statement", attestation.statement), ("Signature", attestation.signature),
                            ]
                        )
                    }
            ),
            Section(
                heading: "Roles riskd saw you hold",
                summary: Self.counted(
                    reply.roles.count,
                    "stretch of time",
                    "as riskd saw them",
                    plural: "stretches of time"
                ),
                items: reply.roles.map { span in
                    Item(
                        title: DocumentWords.name(span.role),
                        fields: [
                            ("First seen holding it", DocumentWords.time(span.fromAt)),
                            ("Last seen holding it", DocumentWords.time(span.lastSeenAt)),
                            ("First seen without it", span.goneAt.map(DocumentWords.time) ?? "not yet"),
                        ]
                    )
                }
            ),
            Section(
                heading: "Names documents gave you",
                summary: Self.counted(reply.names.count, "name"),
                items: reply.names.map { version in
                    Item(
                        title: "From " + DocumentWords.time(version.at),
                        fields: [
                            ("Name", version.name ?? "none"),
                            (
                                "Where it came from",
                                version.source == "set" ? "set in riskd" : "your account's full name"
                            ),
                        ]
                    )
                }
            ),
            Section(
                heading: "The audit trail of your records",
                summary: Self.counted(reply.audit.count, "audit entry", nil, plural: "audit entries")
                    + " Personal text is kept there only as a keyed hash, which is left out here.",
                items: reply.audit.map(Self.audit)
            ),
        ]
    }

    private static func counted(_ count: Int, _ what: String, _ note: String? = nil, plural: String? = nil) -> String {
        guard count > 0 else { return "None." }
        return DocumentWords.count(count, what, plural) + (note.map { ", \($0)." } ?? ".")
    }

    private static func entry(_ member: MemberInterface.Member) -> Item {
        Item(
            title: member.name ?? member.user,
            fields: [
                ("Login", member.user),
                ("Name", member.name ?? "none set; documents write your login"),
                ("Roles", member.roles.isEmpty ? "none (no longer on the board)" : DocumentWords.list(member.roles)),
                ("First seen", DocumentWords.time(member.firstSeenAt)),
                ("Last confirmed", member.lastConfirmedAt.map(DocumentWords.time) ?? "never"),
                ("Next confirmation due", DocumentWords.day(member.confirmationDue)),
                (
                    "Code of ethics",
                    member.acknowledgedVersion.map { "version \($0) acknowledged" } ?? "not acknowledged"
                ),
                ("Active interests", String(member.activeInterests)),
                ("Open findings about you", String(member.openFindings)),
                ("Email", member.email.map { member.emailSet ? $0 : "\($0) (from mail.domain)" } ?? "none"),
            ]
        )
    }

    private static func interest(_ interest: MemberInterface.Interest) -> Item {
        var fields: [(name: String, value: String)] = [
            ("Kind", DocumentWords.kind(interest.kind)),
            ("Organisation", interest.organisation),
            ("Description", interest.erased ? "erased" : interest.description),
        ]
        if let value = interest.value, !interest.erased { fields.append(("Value", value)) }
        fields.append(("Sensitive", interest.sensitive ? "yes: seen only by you, admins and auditors" : "no"))
        fields.append(("Since", DocumentWords.day(interest.startedOn)))
        if let ended = interest.endedOn { fields.append(("Until", DocumentWords.day(ended))) }
        fields.append(("Declared", DocumentWords.time(interest.declaredAt) + (interest.late ? " (late)" : "")))
        fields.append(("Status", DocumentWords.name(interest.status)))
        if let plan = interest.managementPlan, !interest.erased {
            let by = [interest.managedBy, interest.managedAt.map(DocumentWords.time)].compactMap { $0 }
            fields.append(
                ("Management plan", plan + (by.isEmpty ? "" : " (recorded by \(by.joined(separator: ", ")))"))
            )
        }
        return Item(title: "I-\(interest.id): \(interest.organisation)", fields: fields)
    }

    private static func recusal(_ recusal: MemberInterface.Recusal) -> Item {
        var fields: [(name: String, value: String)] = [
            ("Organisation", recusal.organisation),
            (
                "Interest",
                recusal.interestId > 0 ? "I-\(recusal.interestId), \(DocumentWords.kind(recusal.kind))" : "withheld"
            ),
            ("How it was found", DocumentWords.name(recusal.match)),
            ("Declared in advance", recusal.declaredInAdvance ? "yes" : "no"),
            ("What you did", recusal.action.map(DocumentWords.name) ?? "not recorded yet"),
        ]
        if let quorate = recusal.quorate { fields.append(("Quorate without you", quorate ? "yes" : "no")) }
        if let note = recusal.note { fields.append(("Note", note)) }
        return Item(title: "Meeting M-\(recusal.meetingId), item \(recusal.itemId)", fields: fields)
    }

    private static func concern(_ concern: MemberInterface.Concern) -> Item {
        var fields: [(name: String, value: String)] = [
            ("Kind", DocumentWords.name(concern.kind)),
            ("About", concern.about ?? "no one in particular"),
            ("Text", concern.text),
            ("Raised", DocumentWords.time(concern.raisedAt)),
            ("Status", DocumentWords.name(concern.status)),
        ]
        if let outcome = concern.outcome { fields.append(("Outcome", outcome)) }
        if let closed = concern.closedAt { fields.append(("Closed", DocumentWords.time(closed))) }
        return Item(title: "C-\(concern.id)", fields: fields)
    }

    private static func audit(_ entry: MemberInterface.Entry) -> Item {
        let method =
            entry.method.hasPrefix("org.riskd.") ? String(entry.method.dropFirst("org.riskd.".count)) : entry.method
        var fields: [(name: String, value: String)] = [
            ("When", DocumentWords.time(entry.at)),
            ("By", entry.actor),
            ("Change", method + (entry.subject.map { " of \($0)" } ?? "")),
        ]
        fields += AuditDetailWords.fields(of: entry.detail)
        return Item(title: "Entry \(entry.seq)", fields: fields)
    }
}
