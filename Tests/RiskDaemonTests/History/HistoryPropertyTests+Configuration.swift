import Testing

@testable import RiskDaemon

/// A past document does not change when riskd.toml changes: between the documents, the organisation's name, the
/// board pack's template, the review thresholds and the retention change (as a SIGHUP applies an edited file),
/// among random changes of the register, and every document made before reads the same; a document as of now
/// reads with the new settings.
extension HistoryPropertyTests {
    /// The pack's own template of the tests: its name, the bands' thresholds and the heat map, nothing that changes
    /// with the time it is made.
    static let ownTemplate =
        "<h1>{{title}}</h1><p>{{asOfExact}}</p><p>{{#bands}}{{band}}:{{range}};{{/bands}}</p>"
        + "<p>{{#heatMaps}}{{title}}={{total}};{{/heatMaps}}</p>\n"

    /// One change of riskd.toml's document settings, and what a pack as of now must then show (`nil`: nothing the
    /// pack prints; the register's due dates and what it lists change).
    struct ConfigurationChange {
        var name: String
        var change: @Sendable (inout Configuration, Int) -> Void
        var shows: @Sendable (Int) -> String?
    }

    static let configurationChanges: [ConfigurationChange] = [
        ConfigurationChange(
            name: "organisation",
            change: { configuration, n in configuration.organisation = "Network \(n)" },
            shows: { n in "Network \(n)" }
        ),
        ConfigurationChange(
            name: "own template",
            change: { configuration, n in
                configuration.report.template = try! BoardPackTemplate(text: "<!-- \(n) -->" + ownTemplate, path: nil)
            },
            shows: { n in "<!-- \(n) --><h1>" }
        ),
        ConfigurationChange(
            name: "built-in template",
            change: { configuration, _ in configuration.report.template = .builtIn },
            shows: { _ in "<!DOCTYPE html>" }
        ),
        ConfigurationChange(
            name: "thresholds",
            change: { configuration, n in
                configuration.risk.scoring.highFrom = 10 + n % 5
                configuration.risk.scoring.criticalFrom = 20 + n % 5
            },
            shows: { n in "\(10 + n % 5)–\(19 + n % 5)" }
        ),
        ConfigurationChange(
            name: "confirmation and retention",
            change: { configuration, n in
                configuration.interests.confirmEveryDays = 30 + n
                configuration.interests.retainEndedDays = n
            },
            shows: { _ in nil }
        ),
    ]

    @Test("Documents for a past time read the same after riskd.toml changed", arguments: [5, 6, 7] as [UInt64])
    func documentsStayAcrossConfiguration(seed: UInt64) async throws {
        let world = try HistoryWorld()
        await world.reconfigure { $0.organisation = "Network 0" }
        try await world.seed()
        var random = SeededGenerator(seed: seed)
        var changes = HistoryChanges(world: world)
        var documents: [Document] = []
        var changed: [String] = []
        for epoch in 1...4 {
            let asOf = world.now.description
            world.advance(86_400)
            for (method, parameters) in Self.documents(asOf: asOf) {
                let reply = try await world.must(method, parameters)
                documents.append(Document(method: method, parameters: parameters, reply: reply))
            }
            for step in 0..<12 {
                world.advance(3_600)
                guard step % 3 == 0 else {
                    await changes.apply(random.next(upTo: HistoryChanges.kinds), &random)
                    continue
                }
                let n = epoch * 10 + step
                // Every kind of change in turn, from a place the seed picks.
                let kinds = Self.configurationChanges
                let change = kinds[(Int(seed) + epoch * 4 + step / 3) % kinds.count]
                await world.reconfigure { change.change(&$0, n) }
                changed.append(change.name)
                if let shown = change.shows(n) {
                    let pack = try await world.must("org.riskd.report.Board")
                    #expect(pack.contains(shown), "seed \(seed): the pack of now ignores \(change.name)")
                }
            }
            for document in documents {
                let again = await world.call(document.method, document.parameters)
                #expect(again == document.reply, "seed \(seed): \(document.method) \(document.parameters) changed")
            }
        }
        #expect(Set(changed).count == Self.configurationChanges.count, "seed \(seed): \(changed)")
        #expect(changes.applied.count >= 15, "seed \(seed): too few changes took effect: \(changes.applied)")
    }
}
