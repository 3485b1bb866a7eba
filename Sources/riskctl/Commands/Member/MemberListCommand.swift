import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl member list`: every member you may see, one line each.
struct MemberListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the members, one line each: last confirmation, next one due, code acknowledged."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the members and prints them as a table.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.List.self, NoParameters())
        if options.json {
            return try Output.json(answer.parameters)
        }
        let members = try answer.decoded().members
        let count = members.count
        MemberPresenter.table(members).print(
            legend: "\(count) \(count == 1 ? "member" : "members") listed.",
            options: options
        )
    }
}
