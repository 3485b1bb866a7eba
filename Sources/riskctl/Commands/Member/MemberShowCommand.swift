import ArgumentParser
import RiskProtocol

/// `riskctl member show`: where one member stands.
struct MemberShowCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show where one member stands.",
        discussion: "A board member may ask only about themselves."
    )

    /// The member.
    @Argument(help: ArgumentHelp("The member's user name.", valueName: "user"))
    var user: String

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the member and prints their standing.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.Get.self, .init(user: user))
        if options.json {
            return try Output.json(answer.parameters)
        }
        MemberPresenter.printFields(of: try answer.decoded().member)
    }
}
