import Foundation

/// The random later changes of `HistoryPropertyTests`, one of each kind the documents could show: the board's
/// membership and its members' admin and auditor roles (as a change of group membership, seen at the next call or
/// review), names, actions, risks,
/// declarations, the registry, meetings and their recusals, cancellations, confirmations and the code.
///
/// A change the register refuses (an action already done, a meeting not yet due to close) changes nothing, which the
/// documents must show too; `applied` names the kinds that took effect.
struct HistoryChanges {
    static let kinds = 22

    let world: HistoryWorld
    private(set) var applied: [String] = []
    private var names = 0

    init(world: HistoryWorld) {
        self.world = world
    }

    /// Applies one change of kind `kind`, its details drawn from `random`.
    mutating func apply(_ kind: Int, _ random: inout SeededGenerator) async {
        let member = random.pick(HistoryWorld.everyMember)
        let onBoard = random.pick(world.board)
        let action = 1 + random.next(upTo: 4)
        let interest = 1 + random.next(upTo: 5)
        let day = world.now.utcDate.adding(days: random.next(upTo: 40) - 20).description
        switch kind {
        case 0:
            guard world.board.count > 2 else { return }
            world.setBoard(world.board.filter { $0 != onBoard })
            // Seen leaving at their next call, or at the next review.
            let seen = random.next(upTo: 2) == 0 ? await world.call("org.riskd.daemon.Whoami", as: onBoard) : ""
            note("board-leave", seen.isEmpty ? await world.call("org.riskd.review.Run") : seen)
        case 1:
            guard !world.board.contains(member) else { return }
            world.setBoard(world.board + [member])
            note("board-join", await world.call("org.riskd.daemon.Whoami", as: member))
        case 2:
            names += 1
            note("name", await call("org.riskd.member.SetName", #"{"user":"\#(onBoard)","name":"Name \#(names)"}"#))
        case 3:
            let fields = random.pick([
                #""description":"Corrected text \#(names)""#, #""owner":"\#(onBoard)""#, #""dueOn":"\#(day)""#,
            ])
            note("action-edit", await call("org.riskd.risk.UpdateAction", #"{"id":\#(action),\#(fields)}"#))
        case 4:
            let status = random.pick(["done", "cancelled", "open"])
            note(
                "action-\(status)",
                await call("org.riskd.risk.UpdateAction", #"{"id":\#(action),"status":"\#(status)"}"#)
            )
        case 5:
            note(
                "action-add",
                await call(
                    "org.riskd.risk.AddAction",
                    #"{"riskId":\#(1 + random.next(upTo: 2)),"description":"Step","owner":"\#(onBoard)","dueOn":"\#(day)"}"#
                )
            )
        case 6:
            note("risk-update", await call("org.riskd.risk.Update", #"{"id":\#(1 + random.next(upTo: 2)),"impact":2}"#))
        case 7:
            let risk = 1 + random.next(upTo: 2)
            let close = await call("org.riskd.risk.Close", #"{"id":\#(risk),"reason":"retired"}"#)
            note(
                "risk-close",
                close.hasPrefix(#"{"error""#)
                    ? await call("org.riskd.risk.Reopen", #"{"id":\#(risk),"note":"Back"}"#) : close
            )
        case 8:
            let sensitive = random.next(upTo: 2) == 0
            note(
                "sensitivity",
                await call("org.riskd.interest.Update", #"{"id":\#(interest),"sensitive":\#(sensitive)}"#)
            )
        case 9:
            note("interest-end", await call("org.riskd.interest.End", #"{"id":\#(interest),"endedOn":"\#(day)"}"#))
        case 10:
            let fields = random.pick([#""description":"Changed \#(day)""#, #""organisation":"Eurodesk""#])
            note("interest-text", await call("org.riskd.interest.Update", #"{"id":\#(interest),\#(fields)}"#))
        case 11:
            let organisation = random.pick(["Eurodesk", "WBF", "Western Balkan Fnd", "Open Society"])
            note(
                "declare",
                await world.call(
                    "org.riskd.interest.Declare",
                    #"{"kind":"gift","organisation":"\#(organisation)","description":"Gift \#(day)","startedOn":"2026-12-15"}"#,
                    as: onBoard
                )
            )
        case 12:
            let change = random.pick([
                #""id":1,"name":"Western Balkans Fund""#, #""id":1,"aliases":["WB Fund"]"#,
                #""id":2,"aliases":["Open Society"]"#, #""id":2,"name":"Eurodesk Network""#,
            ])
            note("registry", await call("org.riskd.organisation.Update", "{\(change)}"))
        case 13:
            let what = random.pick(["left_room", "stayed_no_vote", "absent", "not_a_conflict"])
            note(
                "recusal-record",
                await call(
                    "org.riskd.meeting.Record",
                    #"{"recusalId":\#(1 + random.next(upTo: 4)),"action":"\#(what)"}"#
                )
            )
        case 14:
            note(
                "meeting-item",
                await call(
                    "org.riskd.meeting.AddItem",
                    #"{"meetingId":1,"title":"Item \#(day)","organisations":["WBF"]}"#
                )
            )
        case 15:
            let created = await call("org.riskd.meeting.Create", #"{"title":"Extra","date":"2027-06-01"}"#)
            let id = Self.number(in: created, after: #""id":"#) ?? 2
            note("meeting-cancel", await call("org.riskd.meeting.Cancel", #"{"id":\#(id),"reason":"No quorum"}"#))
        case 16:
            note("meeting-close", await call("org.riskd.meeting.Close", #"{"id":1}"#))
        case 17:
            note("confirm", await world.call("org.riskd.interest.Confirm", "{}", as: onBoard))
        case 18:
            await publishCode(acknowledgedBy: onBoard)
        case 19:
            note("review", await call("org.riskd.review.Run"))
        case 20:
            // A board member becomes an administrator or an auditor, or stops being one.
            let holders = world.roleHolders
            let admin = random.next(upTo: 2) == 0
            let toggled = { (list: [UInt32]) in
                list.contains(onBoard) ? list.filter { $0 != onBoard } : list + [onBoard]
            }
            world.setRoles(
                admins: admin ? toggled(holders.admins) : holders.admins,
                auditors: admin ? holders.auditors : toggled(holders.auditors)
            )
            let seen = random.next(upTo: 2) == 0 ? await world.call("org.riskd.daemon.Whoami", as: onBoard) : ""
            note(admin ? "admin-role" : "auditor-role", seen.isEmpty ? await world.call("org.riskd.review.Run") : seen)
        default:
            note(
                "declare-at-meeting",
                await call(
                    "org.riskd.meeting.DeclareAtMeeting",
                    #"{"itemId":1,"declarant":"\#(onBoard)","kind":"gift","organisation":"WBF","description":"At the table"}"#
                )
            )
        }
    }

    /// A new version of the code, acknowledged by `member`.
    private mutating func publishCode(acknowledgedBy member: UInt32) async {
        names += 1
        note("code", await call("org.riskd.ethics.Publish", #"{"title":"Code","body":"Version \#(names)."}"#))
        let current = await world.call("org.riskd.ethics.Current", as: member)
        guard let version = Self.number(in: current, after: #""version":"#),
            let hash = current.range(of: #""sha256":""#).map({ String(current[$0.upperBound...].prefix(64)) })
        else { return }
        note(
            "acknowledge",
            await world.call(
                "org.riskd.ethics.Acknowledge",
                #"{"version":\#(version),"sha256":"\#(hash)"}"#,
                as: member
            )
        )
    }

    private func call(_ method: String, _ parameters: String = "{}") async -> String {
        await world.call(method, parameters)
    }

    private mutating func note(_ kind: String, _ reply: String) {
        if !reply.hasPrefix(#"{"error""#) { applied.append(kind) }
    }

    /// The first number after `marker` in `reply`.
    static func number(in reply: String, after marker: String) -> Int? {
        guard let range = reply.range(of: marker) else { return nil }
        return Int(reply[range.upperBound...].prefix { $0.isNumber })
    }
}
