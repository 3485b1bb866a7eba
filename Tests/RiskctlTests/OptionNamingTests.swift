import ArgumentParser
import Foundation
import Testing

@testable import riskctl

@Suite("riskd's field names are worded as the options the user typed, and every option reaches its field")
struct OptionNamingTests {
    /// riskd's reasons, the mapping of the command that ran, and the reason as riskctl prints it.
    static let reasons: [(String, [String: String], String)] = [
        ("", [:], ""),
        (
            "confirm without nothingToDeclare", ["nothingToDeclare": "--nothing-to-declare"],
            "confirm without --nothing-to-declare"
        ),
        (
            "startedOn must not be after endedOn", ["startedOn": "--since", "endedOn": "--until"],
            "--since must not be after --until"
        ),
        // Whole words only: a field inside a longer word, or with digits after it, stays.
        (
            "startedOnce and startedOn2 are not startedOn", ["startedOn": "--since"],
            "startedOnce and startedOn2 are not --since"
        ),
        ("owner: no such user 'owner'", ["owner": "--owner"], "--owner: no such user '--owner'"),
        (
            "residualLikelihood needs residualImpact", RiskAddCommand.optionsByField,
            "--residual-likelihood needs --residual-impact"
        ),
        ("Impact is not impact", ["impact": "--impact"], "Impact is not --impact"),
        ("čćž nextReviewDue", RiskUpdateCommand.optionsByField, "čćž --next-review"),
    ]

    @Test("Fields in riskd's reason become options, whole words only", arguments: reasons)
    func replacing(reason: String, optionsByField: [String: String], expected: String) {
        #expect(RiskctlError.replacingFields(in: reason, optionsByField) == expected)
    }

    /// Every command of the tree, from `riskctl` down.
    static func commands(under command: any ParsableCommand.Type = RiskCtl.self) -> [any ParsableCommand.Type] {
        command.configuration.subcommands.flatMap { [$0] + commands(under: $0) }
    }

    @Test("Each option a command's mapping names is an option of that command")
    func mappedOptionsExist() {
        var checked = 0
        for command in Self.commands() {
            guard let naming = command as? any OptionNaming.Type else { continue }
            let help = RiskCtl.helpMessage(for: command, columns: 1000)
            let options = naming.optionsByField.values.flatMap { $0.split(separator: "/") }.filter {
                $0.hasPrefix("--")
            }
            for option in options {
                #expect(Self.names(help, option), "\(command): \(option)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// Whether `help` names `option` as a whole word: `--org` is not in `--organisation`.
    static func names(_ help: String, _ option: Substring) -> Bool {
        help.ranges(of: option).contains { range in
            guard range.upperBound < help.endIndex else { return true }
            let next = help[range.upperBound]
            return !next.isLetter && next != "-"
        }
    }

    /// Command lines of `risk add` and `risk update` giving every field, and what each sends.
    static var fieldLines: [(any ParsableCommand.Type, [String], [String: String])] {
        [
            (
                RiskAddCommand.self,
                [
                    "--title", "Grant", "--category", "financial", "--likelihood", "4", "--impact", "5",
                    "--description", "Loss", "--area", "funding", "--owner", "ana", "--residual-likelihood", "2",
                    "--residual-impact", "3", "--next-review", "2027-01-15",
                ],
                [
                    "title": "Grant", "category": "financial", "likelihood": "4", "impact": "5", "description": "Loss",
                    "area": "funding", "owner": "ana", "residualLikelihood": "2", "residualImpact": "3",
                    "nextReviewDue": "2027-01-15",
                ]
            ),
            (
                RiskUpdateCommand.self,
                [
                    "R-7", "--if-revision", "3", "--title", "Grant", "--category", "financial", "--likelihood", "4",
                    "--impact", "5", "--description", "Loss", "--area", "funding", "--owner", "ana",
                    "--residual-likelihood", "2", "--residual-impact", "3", "--next-review", "2027-01-15",
                ],
                [
                    "id": "7", "ifRevision": "3", "title": "Grant", "category": "financial", "likelihood": "4",
                    "impact": "5", "description": "Loss", "area": "funding", "owner": "ana", "residualLikelihood": "2",
                    "residualImpact": "3", "nextReviewDue": "2027-01-15",
                ]
            ),
            (
                RiskUpdateCommand.self, ["12", "--next-review", "2027-02-01"],
                ["id": "12", "nextReviewDue": "2027-02-01"]
            ),
            (RiskUpdateCommand.self, ["R-1", "--residual-impact", "1"], ["id": "1", "residualImpact": "1"]),
        ]
    }

    @Test("Each field option of risk add and risk update is sent as its field, and named back as its option")
    func fieldsSent() throws {
        for (command, arguments, expected) in Self.fieldLines {
            let parsed = try command.parse(arguments)
            let parameters: any Encodable
            if let add = parsed as? RiskAddCommand {
                parameters = add.parameters
            } else {
                parameters = try #require(parsed as? RiskUpdateCommand).parameters
            }
            let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(parameters)) as? [String: Any]
            let sent = (object ?? [:]).filter { !($0.value is NSNull) }.mapValues { "\($0)" }
            #expect(sent == expected, "\(arguments)")
            let naming = try #require(command as? any OptionNaming.Type)
            for field in sent.keys where field != "id" {
                let option = try #require(naming.optionsByField[field], "\(command): \(field)")
                #expect(arguments.contains(option), "\(command): \(field) is sent from \(option)")
            }
        }
    }

    /// `risk update` command lines, and whether they change something.
    static let updates: [([String], Bool)] = [
        (["R-3"], false),
        (["R-3", "--if-revision", "2"], false),
        (["R-3", "--title", "x"], true),
        (["R-3", "--impact", "2"], true),
        (["R-3", "--area", "x"], true),
        (["R-3", "--residual-likelihood", "2"], true),
        (["R-3", "--next-review", "2027-01-01"], true),
    ]

    @Test(
        "risk update refuses a command line that changes nothing, whichever option changes something",
        arguments: updates
    )
    func nothingToChange(arguments: [String], changes: Bool) {
        let parsed = Result { try RiskUpdateCommand.parse(arguments) }
        if changes {
            #expect(throws: Never.self) { try parsed.get() }
        } else {
            #expect(throws: (any Error).self) { try parsed.get() }
            #expect(parsed.failure.map(RiskUpdateCommand.message(for:))?.contains("nothing to change") == true)
        }
    }
}

extension OptionNamingTests {
    @Test("org update clears a level with an empty value and reads one in any case; org add refuses an empty one")
    func organisationLevels() throws {
        let update = try OrganisationUpdateCommand.parse(["O-3", "--interest", "", "--power", "HIGH", "--note", ""])
        #expect(update.parameters.interest == "")
        #expect(update.parameters.power == "high")
        #expect(update.parameters.note == "")
        let add = try OrganisationAddCommand.parse(["Kvaka", "--kind", "ngo", "--power", "Low"])
        #expect(add.parameters.power == "low")
        #expect(add.parameters.interest == nil)
        #expect(throws: (any Error).self) {
            try OrganisationAddCommand.parse(["Kvaka", "--kind", "ngo", "--interest", ""])
        }
        #expect(throws: (any Error).self) { try OrganisationUpdateCommand.parse(["O-3"]) }
    }
}

extension Result {
    /// The error, when it failed.
    fileprivate var failure: (any Error)? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
