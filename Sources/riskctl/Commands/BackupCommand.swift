import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl backup`: a consistent copy of the database, written by riskd.
struct BackupCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a copy of the database to the backup directory.",
        discussion: "Prints the copy's path, size and SHA-256 hash. \(DaemonInterface.Backup.policy.needsSentence)"
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks riskd for a backup and prints where it went.
    func run() throws {
        let answer = try options.connect().call(DaemonInterface.Backup.self, NoParameters())
        if options.json {
            return try Output.json(answer.parameters)
        }
        let reply = try answer.decoded()
        Output.fields([
            ("Backup", reply.path),
            ("Size", "\(reply.bytes) bytes"),
            ("SHA-256", reply.sha256),
        ])
    }
}
