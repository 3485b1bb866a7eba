import ArgumentParser
import RiskProtocol

/// `riskctl member contact`: set or clear the address riskd mails a user at.
struct MemberContactCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Set or clear the address riskd mails you (or, for an admin, anyone) at.",
        discussion: """
            The address is local@domain, ASCII, without a display name. Without one set, riskd mails \
            user@mail.domain when riskd.toml sets mail.domain. A board member may set only their own; an admin may \
            set that of any user, such as a risk owner who is not on the board.
            """
    )

    /// The user; the caller when left out.
    @Argument(help: ArgumentHelp("The user name (default: you).", valueName: "user"))
    var user: String?

    /// The address to set.
    @Option(help: ArgumentHelp("The address, local@domain.", valueName: "address"))
    var email: String?

    /// Clear the address.
    @Flag(help: "Clear the address: riskd falls back to user@mail.domain.")
    var clear = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks for exactly one of --email and --clear.
    func validate() throws {
        guard (email != nil) != clear else { throw ValidationError("give either --email ADDRESS or --clear") }
    }

    /// The method called.
    typealias Method = MemberInterface.SetContact

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(user: user, email: email)
    }

    /// Prints the address riskd uses now.
    func present(_ reply: Method.Reply) throws {
        let now = reply.email
        let whose = user.map { "\($0)'s" } ?? "Your"
        guard let now else {
            return Output.line("\(whose) address is cleared; riskd has no address to mail (mail.domain is not set).")
        }
        Output.line(clear ? "\(whose) address is cleared; riskd mails \(now) now." : "\(whose) address is \(now).")
    }
}
