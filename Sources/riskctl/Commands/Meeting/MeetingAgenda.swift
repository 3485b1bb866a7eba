import ArgumentParser
import RiskProtocol

/// A meeting as `meeting.Get` returns it, for finding what the user names the way people name it: an item by its
/// number on the agenda (item 4 of M-3), a recusal by the member and the item.
///
/// The protocol takes ids (`itemId`, `recusalId`) that nobody reads in the minutes; riskctl reads the meeting first
/// and sends the id. A number or member the meeting does not have is refused here, before anything is sent.
struct MeetingAgenda {
    /// The meeting.
    let meeting: MeetingInterface.Meeting
    /// Its agenda, in order.
    let items: [MeetingInterface.Item]
    /// Its recusals, as the caller may see them.
    let recusals: [MeetingInterface.Recusal]

    /// Reads meeting `id` over `connection`.
    static func fetch(_ id: Int, over connection: Connection) throws(RiskctlError) -> MeetingAgenda {
        let reply = try connection.call(MeetingInterface.Get.self, .init(id: id)).decoded()
        return MeetingAgenda(meeting: reply.meeting, items: reply.items, recusals: reply.recusals)
    }

    /// The meeting as printed, `M-3`.
    var name: String { MeetingPresenter.reference(meeting) }

    /// The item at `number` on the agenda.
    ///
    /// - Throws: `RiskctlError.notFound` (exit status 66) saying which numbers the agenda has.
    func item(number: Int) throws(RiskctlError) -> MeetingInterface.Item {
        if let item = items.first(where: { $0.number == number }) { return item }
        let numbers = items.map(\.number)
        let has =
            if let first = numbers.min(), let last = numbers.max() {
                first == last ? "its agenda has only item \(first)" : "its agenda has items \(first) to \(last)"
            } else {
                "its agenda is empty"
            }
        throw .notFound("\(name) has no item \(number): \(has)")
    }

    /// The one recusal of `member` on `item`.
    ///
    /// - Throws: `RiskctlError.invalidInput` (exit status 65) when the member has none on the item, saying who
    ///   has (or that a draft has none yet); or more than one (one per interest), naming their ids for `--recusal`.
    func recusal(of member: String, on item: MeetingInterface.Item) throws(RiskctlError) -> MeetingInterface.Recusal {
        let onItem = recusals.filter { $0.itemId == item.id }
        let mine = onItem.filter { $0.declarant == member }
        let place = "item \(item.number) of \(name)"
        switch mine.count {
        case 1:
            return mine[0]
        case 0 where meeting.status == .draft:
            throw .invalidInput("\(name) is a draft: publish it first; publishing makes the recusals")
        case 0:
            let others = MeetingPresenter.members(stepping: onItem, outOf: item)
            let who = others == "-" ? "nobody steps out of it" : "recusals on it: \(others)"
            throw .invalidInput("--member: \(member) has no recusal on \(place) (\(who))")
        default:
            let ids = mine.map { String($0.id) }.joined(separator: ", ")
            throw .invalidInput(
                "--member: \(member) has \(mine.count) recusals on \(place) (\(ids)); name one with --recusal"
            )
        }
    }

    /// The recusal with `id`, when it belongs to this meeting.
    ///
    /// - Throws: `RiskctlError.notFound` (exit status 66).
    func recusal(id: Int) throws(RiskctlError) -> MeetingInterface.Recusal {
        guard let recusal = recusals.first(where: { $0.id == id }) else {
            throw .notFound("\(name) has no recusal \(id) (meeting show \(name) lists them)")
        }
        return recusal
    }
}

/// Reads an agenda item's number, as `--item` takes it: a whole number from 1.
enum ItemNumber {
    /// `4` from `4`; `item 4` and `#4` are not accepted, so that a typo is not read as another item.
    static func parse(_ text: String) throws -> Int {
        guard let number = Int(text.trimmingWhitespace()), number > 0 else {
            throw ValidationError("not an item number; write the item's number on the agenda, e.g. 4")
        }
        return number
    }

    /// A recusal's id, as `--recusal` takes it: a whole number from 1 (`meeting show` lists them).
    static func parseId(_ text: String) throws -> Int {
        guard let id = Int(text.trimmingWhitespace()), id > 0 else {
            throw ValidationError("not a recusal id; write the number meeting show lists, e.g. 7")
        }
        return id
    }
}
