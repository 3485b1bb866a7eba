import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl backup`: a consistent copy of the database, written by riskd.
struct BackupCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a copy of the database to the backup directory.",
        discussion: "Prints the copy's path, size and SHA-256 hash. \(DaemonInterface.Backup.policy.needsSentence)"
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = DaemonInterface.Backup

    /// The call's parameters.
    var parameters: Method.Parameters {
        NoParameters()
    }

    /// Prints where the backup went, its size and its hash.
    func present(_ reply: Method.Reply) throws {
        Output.fields([
            ("Backup", reply.path),
            ("Size", "\(reply.bytes) bytes"),
            ("SHA-256", reply.sha256),
        ])
    }
}
