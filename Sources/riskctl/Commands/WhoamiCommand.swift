import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl whoami`: who riskd takes you to be, and your roles.
struct WhoamiCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show your user name, user id and roles.",
        discussion: "Anyone may run it, with or without a role."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks riskd and prints `ana (uid 1001): board`.
    func run() throws {
        let answer = try options.connect().call(DaemonInterface.Whoami.self, NoParameters())
        if options.json {
            return try Output.json(answer.parameters)
        }
        let reply = try answer.decoded()
        let roles = reply.roles.isEmpty ? "no role" : reply.roles.joined(separator: ", ")
        Output.line("\(reply.user.singleLine) (uid \(reply.uid)): \(roles.singleLine)")
    }
}
