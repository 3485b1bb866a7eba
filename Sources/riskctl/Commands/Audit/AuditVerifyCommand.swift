import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl audit verify`: recompute the hash chain of the audit trail.
struct AuditVerifyCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of the whole audit trail and say whether it is intact.",
        discussion: """
            The chain must also still hold the head given with --head (a hash printed earlier, e.g. in a review \
            run's journal summary) or, without it, the last head riskd recorded beside its database: a chain \
            whose last entries were removed is not intact. If the chain is broken or shortened, the first bad or \
            missing entry is named and riskctl exits with status 1.
            """
    )

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// A head printed earlier that the chain must still hold.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The chain must still hold this head (64 hex digits).",
            valueName: "HASH"
        )
    )
    var head: String?

    /// Rejects a head that is not a hash before anything is sent.
    func validate() throws {
        if let head, head.utf8.count != 64 || !head.lowercased().utf8.allSatisfy({ Self.hexDigits.contains($0) }) {
            throw ValidationError("--head takes a head of 64 hexadecimal digits, not \(head)")
        }
    }

    private static let hexDigits = Set("0123456789abcdef".utf8)

    /// Asks riskd to verify the chain; exits with status 1 when it is broken or shortened, `--json` or not.
    func run() throws {
        let parameters = AuditInterface.Verify.Parameters(head: head?.lowercased())
        let answer = try options.connect().call(AuditInterface.Verify.self, parameters)
        try options.show(answer, present)
        if answer.parameters["ok"] != .bool(true) {
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }

    /// Says whether the chain is intact, does not hold the head given, or is broken, and where.
    private func present(_ reply: AuditInterface.Verify.Reply) {
        let given = head.map { "the head you gave (\($0.lowercased().prefix(12))…)" }
        if reply.ok {
            let head = reply.head.isEmpty ? "" : ", head \(reply.head.prefix(12))…"
            let entries = "\(Self.grouped(reply.entries)) \(reply.entries == 1 ? "entry" : "entries")"
            let found = given.map { "; it holds \($0)" } ?? ""
            Output.line("Audit chain intact: \(entries)\(head)\(found)")
        } else if let given, reply.headFound == false {
            let entries = "\(Self.grouped(reply.entries)) \(reply.entries == 1 ? "entry" : "entries")"
            Output.line(
                "Audit chain does not hold \(given): it was not found in the \(entries) checked, so entries after "
                    + "the last one are missing (or the head is not of this trail)."
            )
        } else {
            let location = reply.firstBadSeq.map { " at entry \($0)" } ?? ""
            let entries = "\(Self.grouped(reply.entries)) \(reply.entries == 1 ? "entry" : "entries")"
            // A removed tail and a rewritten entry read alike on the wire: the entry named is missing or wrong.
            Output.line("Audit chain broken\(location) (\(entries) checked): that entry is missing or does not match.")
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
