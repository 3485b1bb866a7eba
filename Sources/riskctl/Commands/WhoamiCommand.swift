import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl whoami`: who riskd takes you to be, and your roles.
struct WhoamiCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show your user name, user id and roles.",
        discussion: "Anyone may run it, with or without a role."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = DaemonInterface.Whoami

    /// The call's parameters.
    var parameters: Method.Parameters {
        NoParameters()
    }

    /// Prints `ana (uid 1001): board`.
    func present(_ reply: Method.Reply) throws {
        let roles = reply.roles.isEmpty ? "no role" : reply.roles.joined(separator: ", ")
        Output.line("\(reply.user.singleLine) (uid \(reply.uid)): \(roles.singleLine)")
    }
}
