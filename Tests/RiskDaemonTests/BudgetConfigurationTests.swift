import Foundation
import RiskCore
import RiskDaemon
import Testing

/// Issue 20, item 2: each budget key is read in its section and documented at its default in config/riskd.toml,
/// riskd.toml(5) and SECURITY.md.
@Suite("Budget keys")
struct BudgetConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func file(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("Each key sets its budget and no other", arguments: Budget.allCases)
    func reads(budget: Budget) throws {
        let configuration = try ConfigurationLoader.load(
            text: "[\(budget.section)]\n\(budget.name) = 7\n",
            file: "riskd.toml",
            defaults: Configuration(paths: .system)
        )
        for other in Budget.allCases {
            #expect(configuration.budgets[other] == (other == budget ? 7 : other.defaultLimit))
        }
    }

    @Test("Each key is in its section of config/riskd.toml at its default", arguments: Budget.allCases)
    func reference(budget: Budget) throws {
        let text = try file("config/riskd.toml")
        let start = try #require(text.range(of: "\n[\(budget.section)]\n"))
        let rest = text[start.upperBound...]
        let section = rest.range(of: "\n[").map { rest[..<$0.lowerBound] } ?? rest
        #expect(section.contains("\n#\(budget.name) = \(budget.defaultLimit)\n"))
    }

    @Test("Each key is in riskd.toml(5) and SECURITY.md", arguments: Budget.allCases)
    func documented(budget: Budget) throws {
        #expect(try file("man/riskd.toml.5").contains(".It Ic \(budget.name) Pq integer"))
        #expect(try file("SECURITY.md").contains("`\(budget.key)` | \(budget.defaultLimit) |"))
    }
}
