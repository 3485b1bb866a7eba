import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl member name`: set the name documents give a board member.
struct MemberNameCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "name",
        abstract: "Set the name the board pack and the public register give you (or, for an admin, anyone).",
        discussion: """
            Documents for people name a board member by this name, else by the full name of their account (the \
            first field of its GECOS, as finger shows it), else by their login. The name is one line of at most 200 \
            characters. A board member may set only their own; an admin may set any board member's. \
            riskctl member show prints the name in use.
            """,
        aliases: ["set-name"]
    )

    /// `[USER] NAME`.
    @Argument(
        help: ArgumentHelp(
            "The board member's user name (default: you), then their name, e.g. \"Ana Petrović\".",
            valueName: "user] [name"
        )
    )
    var words: [String] = []

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks for a name, and a user before it at most.
    func validate() throws {
        guard (1...2).contains(words.count) else {
            throw ValidationError("give the name, e.g. \"Ana Petrović\", after the user name if it is not yours")
        }
    }

    /// Sets the name and prints the member's name now.
    func run() throws {
        let connection = try options.connect()
        let name = words[words.count - 1]
        let user =
            words.count == 2
            ? words[0] : try connection.call(DaemonInterface.Whoami.self, NoParameters()).decoded().user
        let answer = try connection.call(MemberInterface.SetName.self, .init(user: user, name: name))
        try options.show(answer) { reply in
            let member = reply.member
            // No full stop after the name: a name may end in one ("Jr.").
            Output.line("\(words.count == 2 ? "\(member.user)'s" : "Your") name in documents: \(member.name ?? name)")
        }
    }
}
