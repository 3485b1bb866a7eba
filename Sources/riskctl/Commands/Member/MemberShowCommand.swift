import ArgumentParser
import RiskProtocol

/// `riskctl member show`: where one member stands.
struct MemberShowCommand: CallCommand {
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

    /// The method called.
    typealias Method = MemberInterface.Get

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(user: user)
    }

    /// Prints the member's standing.
    func present(_ reply: Method.Reply) throws {
        MemberPresenter.printFields(of: reply.member)
    }
}
