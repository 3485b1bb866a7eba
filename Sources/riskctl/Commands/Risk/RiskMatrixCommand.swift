import ArgumentParser
import RiskProtocol

/// `riskctl risk matrix`: the five-by-five heat map of the risks that are not closed.
struct RiskMatrixCommand: CallCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print the heat map of risks that are not closed: likelihood against impact.",
        discussion: """
            Impact runs across, likelihood down with the highest on top; each cell holds the number of risks, '.' \
            for none. Risks are placed by their current ratings, or by their inherent ones with --inherent. With \
            --as-of, the risks are counted as they stood then.
            """
    )

    /// Place risks by their inherent ratings.
    @Flag(help: "Place risks by their inherent likelihood and impact.")
    var inherent = false

    /// The register as it stood then, as the user wrote it; riskd reads and checks it.
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Count the register as it stood at this date, YYYY-MM-DD (the end of that day, UTC), or RFC 3339 time.",
            valueName: "date"
        )
    )
    var asOf: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// The method called.
    typealias Method = RiskInterface.Matrix

    /// The call's parameters.
    var parameters: Method.Parameters {
        .init(basis: basis, asOf: asOf)
    }

    /// The score the map places risks by.
    private var basis: RiskInterface.MatrixBasis { inherent ? .inherent : .current }

    /// Prints the map, and with the legend the count of risks placed.
    func present(_ reply: Method.Reply) throws {
        let cells = reply.cells
        for line in Self.render(cells, legend: options.showsLegend) {
            Output.line(line)
        }
        if options.showsLegend {
            let total = cells.reduce(0) { $0 + $1.count }
            Output.line()
            let when = asOf.map { ", as of \($0)" } ?? ""
            Output.line("\(total) \(total == 1 ? "risk" : "risks") placed by \(basis.rawValue) score\(when).")
        }
    }

    /// The lines of the map; with `legend`, the axis titles and the impact ratings on top.
    ///
    /// Each cell is coloured by the band of likelihood × impact, when colour is enabled.
    static func render(_ cells: [RiskInterface.Cell], legend: Bool) -> [String] {
        var counts = [Int: Int]()
        for cell in cells where Rating.range.contains(cell.likelihood) && Rating.range.contains(cell.impact) {
            counts[cell.likelihood * 10 + cell.impact, default: 0] += cell.count
        }
        let cellWidth = max(1, counts.values.map { String($0).count }.max() ?? 1)
        let label = legend ? "LIKELIHOOD" : ""
        let labelWidth = max(label.count, 1)
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines = [String]()
        if legend {
            lines.append(String(repeating: " ", count: labelWidth + 2) + "IMPACT")
            let ratings = Rating.range.map { pad(String($0), cellWidth) }.joined(separator: "  ")
            lines.append(label + "  " + ratings)
        }
        for likelihood in Rating.range.reversed() {
            let row = Rating.range.map { impact in
                let count = counts[likelihood * 10 + impact]
                let text = pad(count.map(String.init) ?? ".", cellWidth)
                return Style.of(Style.band(ofScore: likelihood * impact)).paint(text)
            }
            lines.append(pad(String(likelihood), labelWidth) + "  " + row.joined(separator: "  "))
        }
        return lines
    }
}
