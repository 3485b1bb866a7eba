import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl member list`: every member you may see, one line each.
struct MemberListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the members, one line each: last confirmation, next one due, code acknowledged, address.",
        discussion: """
            --no-email lists only the members riskd cannot mail: no address set and no mail.domain. --as-of lists \
            the members of that time as riskd recorded them: who held the board role then, their confirmations and \
            acknowledgements then.
            """
    )

    /// Only the members riskd has no address for.
    @Flag(name: .customLong("no-email"), help: "Only the members riskd has no address to mail.")
    var noEmail = false

    /// The members of a past time.
    @OptionGroup var time: AsOfOption

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the members and prints them as a table.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.List.self, .init(asOf: time.asOf))
        guard noEmail else {
            return try options.show(answer) { reply in
                let members = reply.members
                show(members, legend: "\(members.count) \(members.count == 1 ? "member" : "members") listed.")
            }
        }
        let members = try answer.decoded().members.filter { $0.email == nil }
        if options.json {
            return try Output.json(.object(["members": Self.unmailable(in: answer.parameters)]))
        }
        let count = members.count
        show(members, legend: "\(count) \(count == 1 ? "member has" : "members have") no address to mail.")
    }

    /// The members of a `member.List` reply, as they came, whose `email` is null.
    private static func unmailable(in reply: JSONValue) -> JSONValue {
        guard case .array(let members) = reply["members"] ?? .null else { return .array([]) }
        return .array(members.filter { ($0["email"] ?? .null) == .null })
    }

    private func show(_ members: [MemberInterface.Member], legend: String) {
        MemberPresenter.table(members).print(legend: legend, options: options)
    }
}
