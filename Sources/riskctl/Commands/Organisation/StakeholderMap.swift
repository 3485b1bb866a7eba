import RiskProtocol

/// The power/interest grid of the registry: three rows of power (high on top) by three columns of interest (low on
/// the left), each cell listing its organisations one per line.
struct StakeholderMap {
    /// The levels from low to high.
    static let levels: [OrganisationInterface.Level] = [.low, .medium, .high]

    /// A rating of power or interest.
    typealias Level = OrganisationInterface.Level

    /// The organisations of each cell, keyed by power then interest, in registry order.
    private(set) var cells: [Level: [Level: [OrganisationInterface.Organisation]]] = [:]
    /// The organisations lacking a power or an interest rating.
    private(set) var unrated: [OrganisationInterface.Organisation] = []

    /// Places each organisation in its cell.
    init(_ organisations: [OrganisationInterface.Organisation]) {
        for organisation in organisations {
            guard let power = organisation.power, let interest = organisation.interest else {
                unrated.append(organisation)
                continue
            }
            cells[power, default: [:]][interest, default: []].append(organisation)
        }
    }

    /// The organisations placed on the grid.
    var placed: Int {
        cells.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
    }

    /// The line under the grid: how many organisations are placed, and which are not rated.
    var legend: String {
        var text = "\(placed) \(placed == 1 ? "organisation" : "organisations") placed"
        if !unrated.isEmpty {
            let names = unrated.map(\.name).joined(separator: ", ")
            text += "; \(unrated.count) without both ratings: \(names)"
        }
        return text + "."
    }

    /// The lines of the grid, fitted to `width` columns; with `header`, the interest levels on top.
    func render(width: Int, header: Bool) -> [String] {
        let rowLabels = Self.levels.map { "\($0.rawValue.uppercased()) POWER" }
        let labelWidth = rowLabels.map(\.count).max() ?? 0
        let separator = "  "
        let cellWidth = max(12, (width - labelWidth - separator.count * 3) / 3)
        var lines: [String] = []
        if header {
            let titles = Self.levels.map { "\($0.rawValue.uppercased()) INTEREST" }
            lines.append(Self.row(label: "", labelWidth: labelWidth, cells: titles, cellWidth: cellWidth))
        }
        for power in Self.levels.reversed() {
            if !lines.isEmpty { lines.append("") }
            let columns = Self.levels.map { interest in
                (cells[power]?[interest] ?? []).map { Self.label($0, width: cellWidth) }
            }
            let height = max(1, columns.map(\.count).max() ?? 0)
            for index in 0..<height {
                let texts = columns.map { index < $0.count ? $0[index] : (index == 0 ? "." : "") }
                let label = index == 0 ? "\(power.rawValue.uppercased()) POWER" : ""
                lines.append(Self.row(label: label, labelWidth: labelWidth, cells: texts, cellWidth: cellWidth))
            }
        }
        return lines
    }

    /// An organisation's name when it fits `width`, else its shortest alias that fits, else its name cut with `…`.
    static func label(_ organisation: OrganisationInterface.Organisation, width: Int) -> String {
        let name = organisation.name.singleLine
        if name.count <= width { return name }
        if let alias = organisation.aliases.map(\.singleLine).filter({ $0.count <= width }).min(by: {
            $0.count < $1.count
        }) {
            return alias
        }
        return String(name.prefix(max(0, width - 1))) + "…"
    }

    private static func row(label: String, labelWidth: Int, cells: [String], cellWidth: Int) -> String {
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        let line = pad(label, labelWidth) + "  " + cells.map { pad($0, cellWidth) }.joined(separator: "  ")
        return line.trimmingSuffix(while: { $0 == " " })
    }
}
