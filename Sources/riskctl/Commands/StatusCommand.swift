import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl status`: the daemon's version, start time, schema and counts.
struct StatusCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's version, start time, schema version and counts.",
        discussion: """
            Counts the risks and declarations (closed and ended ones included) and the open findings, and shows when \
            the last review ran.
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = DaemonInterface.Status

    /// The call's parameters.
    var parameters: Method.Parameters {
        NoParameters()
    }

    /// Prints one `key: value` line per fact.
    func present(_ reply: Method.Reply) throws {
        Output.fields([
            ("Version", reply.version),
            ("Started", reply.startedAt),
            ("Schema", String(reply.schemaVersion)),
            ("Risks", String(reply.risks)),
            ("Declarations", String(reply.interests)),
            ("Open findings", String(reply.openFindings)),
            ("Last review", reply.lastReviewRun ?? "never"),
        ])
    }
}
