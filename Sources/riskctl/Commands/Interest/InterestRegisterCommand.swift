import ArgumentParser
import RiskProtocol

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `riskctl interest register`: the register of interests as the organisation publishes it.
struct InterestRegisterCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Print the public register of interests: every interest in force, sensitive ones withheld.",
        discussion: """
            It lists every interest in force at --as-of (default now) and those ended within \
            interests.retain_ended_days before it, with each sensitive one withheld for every reader (its member \
            only), who of the board has not confirmed their declarations in time or at all, and the upheld \
            concerns that a member left an interest undeclared (in every format). A user with no role may run it \
            when interests.public_register is true, e.g. to publish the register on a web page: --format html \
            writes one self-contained page, with no script and nothing fetched from elsewhere, titled with \
            [organisation] name, members by name and dates in words.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    /// The time the register describes, as given (riskd reads it).
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The register at this date, YYYY-MM-DD, or RFC 3339 time (default: now).", valueName: "date")
    )
    var asOf: String?

    /// How to print it.
    @Option(help: ArgumentHelp("table, csv, json or html.", valueName: "format"))
    var format: Format = .table

    /// Where to write it (`-o`, `--mode`: 0644 for a page to publish).
    @OptionGroup var file: OutputFileOptions

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Fetches the register and prints or writes it.
    func run() throws {
        let answer = try options.connect().call(InterestInterface.Register.self, .init(asOf: asOf))
        if options.json || format == .json {
            guard file.output != nil else { return try Output.json(answer.parameters) }
            _ = try file.write(String(decoding: try JSONEncoder().encode(answer.parameters), as: UTF8.self))
            return
        }
        let reply = try answer.decoded()
        switch format {
        case .html:
            let page = RegisterPage.html(reply)
            if try !file.write(page) { print(page, terminator: "") }
        case .csv:
            let text = Self.csv(reply)
            if try !file.write(text) { print(text, terminator: "") }
        case .table, .json:
            printTable(reply)
        }
    }

    /// The register as CSV: one row per entry, then one per upheld breach (`record` says which), names beside
    /// logins. The columns of the entries come first, as before breaches and names were added.
    static func csv(_ reply: InterestInterface.Register.Reply) -> String {
        var lines = [
            CSV.line(["declarant", "kind", "organisation", "description", "startedOn", "endedOn", "record", "name"])
        ]
        for entry in reply.entries {
            lines.append(
                CSV.line([
                    entry.declarant, entry.kind, entry.organisation, entry.description, entry.startedOn,
                    entry.endedOn ?? "", "interest", entry.declarantName ?? "",
                ])
            )
        }
        for breach in reply.breaches {
            lines.append(
                CSV.line([
                    breach.member, "undeclared_interest", "", "Concern C-\(breach.concernId) upheld", breach.decidedOn,
                    "", "breach", breach.memberName ?? "",
                ])
            )
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func printTable(_ reply: InterestInterface.Register.Reply) {
        var table = Table([
            .init(title: "MEMBER"), .init(title: "KIND"), .init(title: "ORGANISATION"), .init(title: "SINCE"),
            .init(title: "UNTIL"), .init(title: "DESCRIPTION"),
        ])
        for entry in reply.entries {
            table.append([
                .init(entry.declarant), .init(entry.kind), .init(entry.organisation), .init(entry.startedOn),
                .init(entry.endedOn ?? "-"), .init(entry.description),
            ])
        }
        let legend = [
            DocumentWords.count(reply.entries.count, "entry", "entries") + ".",
            RegisterSentences.confirmations(reply), RegisterSentences.signatures(reply),
            RegisterSentences.breaches(reply),
        ].compactMap { $0 }
        table.print(legend: legend.joined(separator: " "), options: options)
        guard !reply.breaches.isEmpty else { return }
        var breaches = Table([.init(title: "BREACH OF"), .init(title: "CONCERN"), .init(title: "UPHELD")])
        for breach in reply.breaches {
            breaches.append([.init(breach.member), .init("C-\(breach.concernId)"), .init(breach.decidedOn)])
        }
        Output.line()
        breaches.print(
            legend: DocumentWords.count(reply.breaches.count, "upheld breach", "upheld breaches") + ".",
            options: options
        )
    }
}
