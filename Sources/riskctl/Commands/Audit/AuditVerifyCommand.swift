import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl audit verify`: recompute the hash chain of the audit trail.
struct AuditVerifyCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of the whole audit trail and say whether it is intact.",
        discussion: "If the chain is broken, the first bad entry is named and riskctl exits with status 1."
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Asks riskd to verify the chain; exits with status 1 when it is broken.
    func run() throws {
        let answer = try options.connect().call(AuditInterface.Verify.self, NoParameters())
        if options.json {
            try Output.json(answer.parameters)
            if answer.parameters["ok"] != .bool(true) {
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            return
        }
        let reply = try answer.decoded()
        if reply.ok {
            let head = reply.head.isEmpty ? "" : ", head \(reply.head.prefix(12))…"
            let entries = "\(Self.grouped(reply.entries)) \(reply.entries == 1 ? "entry" : "entries")"
            Output.line("Audit chain intact: \(entries)\(head)")
        } else {
            let location = reply.firstBadSeq.map { " at entry \($0)" } ?? ""
            let entries = "\(Self.grouped(reply.entries)) \(reply.entries == 1 ? "entry" : "entries")"
            Output.line("Audit chain broken\(location) (\(entries) checked).")
        }
        if !reply.ok {
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }

    /// A count with its thousands set apart by spaces, as in `4 812`.
    static func grouped(_ count: Int) -> String {
        var digits = Array(String(count))
        var groups = [String]()
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        return groups.joined(separator: " ")
    }
}
