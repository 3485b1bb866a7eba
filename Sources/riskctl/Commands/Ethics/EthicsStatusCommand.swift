import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl ethics status`: who acknowledged the current version and who has still to.
struct EthicsStatusCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show who acknowledged the current ethical code and which board members have not yet.",
        discussion: """
            Pending are the users who hold the board role now and every recorded member, less those who \
            acknowledged the current version. \(EthicsInterface.Status.policy.needsSentence)
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = EthicsInterface.Status

    /// The call's parameters.
    var parameters: Method.Parameters {
        NoParameters()
    }

    /// Prints one line per user, acknowledged or pending, by name.
    func present(_ status: Method.Reply) throws {
        guard let version = status.version else {
            Output.line("No ethical code has been published yet.")
            return
        }
        var rows: [(user: String, fields: [Table.Field])] = status.acknowledged.map { acknowledgement in
            (
                acknowledgement.user,
                [.init(acknowledgement.user), "acknowledged", .init(acknowledgement.acknowledgedAt)]
            )
        }
        rows += status.pending.map { user in (user, [.init(user), "pending", "-"]) }
        var table = Table([.init(title: "USER"), .init(title: "STATUS"), .init(title: "ACKNOWLEDGED")])
        for row in rows.sorted(by: { $0.user < $1.user }) {
            table.append(row.fields)
        }
        table.print(
            legend: "Version \(version): \(status.acknowledged.count) acknowledged, "
                + "\(status.pending.count) pending.",
            options: options
        )
    }
}
