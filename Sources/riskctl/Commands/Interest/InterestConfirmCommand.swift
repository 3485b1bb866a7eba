import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl interest confirm`: state that your declarations are complete.
struct InterestConfirmCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm that your declarations are complete as of today.",
        discussion: """
            Board members confirm their register once a year (interests.confirm_every_days), and a new member within \
            interests.first_confirmation_days. With --nothing-to-declare you state you have no interest to declare; \
            riskd refuses that while you have active declarations (exit status 65). On a terminal, riskctl lists \
            your active declarations and asks first; --yes skips the question. Needs the board role.
            """
    )

    /// A nil return.
    @Flag(name: .customLong("nothing-to-declare"), help: "State that you have no interest to declare.")
    var nothingToDeclare = false

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks (on a terminal), confirms, and says when the next confirmation is due.
    func run() throws {
        let connection = try options.connect()
        if options.asks, let question = try question(connection) {
            try options.confirm(question)
        }
        let answer = try connection.call(
            InterestInterface.Confirm.self,
            .init(nothingToDeclare: nothingToDeclare ? true : nil)
        )
        if options.json {
            return try Output.json(answer.parameters)
        }
        let confirmation = try answer.decoded().confirmation
        let due = try? connection.call(MemberInterface.Get.self, .init(user: confirmation.declarant)).decoded()
        let statement =
            confirmation.nothingToDeclare
            ? "You have declared that you have nothing to declare as of today."
            : "Your register is complete as of today."
        Output.line(statement + (due.map { " Next confirmation due \($0.member.confirmationDue)." } ?? ""))
    }

    /// The question asked on a terminal, naming the declarations being confirmed; `nil` when riskd will refuse
    /// the confirmation anyway (nothing to declare, with active declarations), so that it is not asked in vain.
    private func question(_ connection: Connection) throws(RiskctlError) -> String? {
        let me = try connection.call(DaemonInterface.Whoami.self, NoParameters()).decoded().user
        let pages = try connection.collectPages(InterestInterface.List.self, itemsKey: "interests") { after, size in
            InterestInterface.List.Parameters(declarant: me, active: true, limit: size, after: after)
        }
        let active = try pages.decoded().flatMap(\.interests)
        if nothingToDeclare {
            return active.isEmpty ? "Declare that you have no interest to declare as of today?" : nil
        }
        guard !active.isEmpty else {
            return "You have no active declaration. Confirm that you have nothing else to declare as of today?"
        }
        let listed = active.map { "\(RecordKind.interest.format($0.id)) \($0.organisation.singleLine)" }
        return "Your active declarations: \(listed.joined(separator: ", ")). "
            + "Confirm that they are complete as of today?"
    }
}
