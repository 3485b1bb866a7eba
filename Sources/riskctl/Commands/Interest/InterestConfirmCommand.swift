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
            riskd refuses that while you have active declarations (exit status 65). A confirmation is a signed \
            statement: riskctl lists your active declarations and asks first, and without a terminal to ask on it \
            refuses (exit status 64) unless --yes is given. With --sign (or --key FILE), riskctl fetches the exact \
            statement riskd will hold you to, shows it, and signs it with your own SSH key through ssh-keygen -Y \
            sign -n riskd, so that anyone can later check the confirmation with OpenSSH alone (riskctl audit \
            attestations); register the key first with riskctl member key add. \
            \(InterestInterface.Confirm.policy.needsSentence)
            """
    )

    /// A nil return.
    @Flag(name: .customLong("nothing-to-declare"), help: "State that you have no interest to declare.")
    var nothingToDeclare = false

    /// `--sign`, `--key`.
    @OptionGroup var signing: SigningOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Refuses to run without a terminal to ask on, unless `--yes` says not to ask.
    func validate() throws {
        try options.requireConsent(to: "confirm your declarations")
    }

    /// Asks, confirms, and says when the next confirmation is due.
    func run() throws {
        let connection = try options.connect()
        var signature: String?
        if signing.signs {
            let statement = try connection.call(
                InterestInterface.Statement.self,
                .init(nothingToDeclare: nothingToDeclare ? true : nil)
            ).decoded().text
            if !options.yes {
                Output.prompt(statement + "\n")
                try options.attest("Sign this statement with your SSH key and confirm?")
            }
            signature = try signing.signature(of: statement, connection)
        } else if !options.yes, let question = try question(connection) {
            try options.attest(question)
        }
        let answer = try connection.call(
            InterestInterface.Confirm.self,
            .init(nothingToDeclare: nothingToDeclare ? true : nil, signature: signature)
        )
        try options.show(answer) { reply in
            let confirmation = reply.confirmation
            let due = try? connection.call(MemberInterface.Get.self, .init(user: confirmation.declarant)).decoded()
            let statement =
                confirmation.nothingToDeclare
                ? "You have declared that you have nothing to declare as of today."
                : "Your register is complete as of today."
            let signed = reply.fingerprint.map { " Signed with \($0)." } ?? ""
            Output.line(statement + signed + (due.map { " Next confirmation due \($0.member.confirmationDue)." } ?? ""))
        }
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
