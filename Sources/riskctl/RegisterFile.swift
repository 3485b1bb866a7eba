import ArgumentParser
import RiskProtocol

/// The CSV form of the risk register that `risk import` reads and `risk export --csv` writes.
///
/// Columns are named as the fields of `NewRisk`, in any order; an empty cell means the field is absent. Rows are
/// numbered as a spreadsheet numbers them, the header being row 1, so that an error can say `FILE:ROW: column: why`.
enum RegisterFile {
    /// One risk read from the file, with the row it came from.
    struct Entry {
        /// The row of the file, 2 for the first risk.
        var row: Int
        /// The risk as `Import` takes it.
        var risk: RiskInterface.NewRisk
    }

    /// The columns `risk import` reads, in the order `risk export --csv` writes them.
    static let columns = [
        "title", "description", "category", "area", "owner", "likelihood", "impact",
        "residualLikelihood", "residualImpact", "nextReviewDue",
    ]

    /// The columns every file must have.
    static let requiredColumns = ["title", "category", "likelihood", "impact"]

    /// The columns `risk export --csv` writes before `columns`; `risk import` skips them, so an export imports.
    static let exportColumns = ["id", "status", "score", "severity"]

    /// Reads the risks of a register file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the file's name as given, for messages.
    /// - Throws: `RiskctlError.invalidInput` naming the first bad row and column; nothing is read past it.
    static func entries(in text: String, name: String) throws(RiskctlError) -> [Entry] {
        let records: [[String]]
        do {
            records = try CSV.parse(text)
        } catch {
            let column = error.header.flatMap { $0.indices.contains(error.field) ? $0[error.field] : nil }
            let row = "\(name):\(error.record)"
            throw .invalidInput("\(column.map { "\(row): \($0.trimmingWhitespace())" } ?? row): \(error.reason)")
        }
        guard let header = records.first else {
            throw .invalidInput("\(name): the file is empty; its first line must be the header")
        }
        let positions = try columnPositions(header, name: name)
        var entries = [Entry]()
        for (index, record) in records.enumerated().dropFirst() {
            let row = index + 1
            guard record.contains(where: { !$0.trimmingWhitespace().isEmpty }) else { continue }
            if record.count < header.count
                || record[header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty })
            {
                throw .invalidInput("\(name):\(row): \(record.count) fields, but the header has \(header.count)")
            }
            let cells = positions.mapValues { record[$0].trimmingWhitespace() }
            entries.append(Entry(row: row, risk: try risk(from: cells, location: "\(name):\(row)")))
        }
        guard !entries.isEmpty else {
            throw .invalidInput("\(name): no risks to import below the header")
        }
        return entries
    }

    /// The message for a rejected `Import`, naming the row and column when riskd named the risk and its field.
    ///
    /// riskd names a bad value by path, `risks[3].likelihood`; `entries[3]` knows its row.
    static func locate(_ path: String, reason: String, in entries: [Entry], name: String) -> String? {
        guard path.hasPrefix("risks["), let close = path.firstIndex(of: "]") else { return nil }
        let number = path[path.index(path.startIndex, offsetBy: "risks[".count)..<close]
        guard let index = Int(number), entries.indices.contains(index) else { return nil }
        var column = path[path.index(after: close)...]
        if column.first == "." {
            column = column.dropFirst()
        }
        let row = entries[index].row
        return column.isEmpty ? "\(name):\(row): \(reason)" : "\(name):\(row): \(column): \(reason)"
    }

    /// One risk as a line of `risk export --csv`, starting with the export-only columns.
    static func exportLine(_ risk: RiskInterface.Risk) -> String {
        CSV.line([
            RecordKind.risk.format(risk.id), risk.status.rawValue, String(risk.score), risk.severity.rawValue,
            risk.title, risk.description, risk.category, risk.area ?? "", risk.owner,
            String(risk.likelihood), String(risk.impact),
            risk.residualLikelihood.map(String.init) ?? "", risk.residualImpact.map(String.init) ?? "",
            risk.nextReviewDue,
        ])
    }

    /// The header line of `risk export --csv`.
    static var exportHeader: String {
        CSV.line(exportColumns + columns)
    }

    /// Where each known column is in the header.
    private static func columnPositions(_ header: [String], name: String) throws(RiskctlError) -> [String: Int] {
        var positions = [String: Int]()
        for (index, title) in header.enumerated() {
            let trimmed = title.trimmingWhitespace()
            guard let column = (columns + exportColumns).first(where: { $0.lowercased() == trimmed.lowercased() })
            else {
                let shown = trimmed.isEmpty ? "column \(index + 1)" : trimmed
                throw .invalidInput(
                    "\(name):1: \(shown): unknown column; the columns are \(columns.joined(separator: ", "))")
            }
            guard positions[column] == nil else {
                throw .invalidInput("\(name):1: \(column): column given twice")
            }
            positions[column] = index
        }
        for column in requiredColumns where positions[column] == nil {
            throw .invalidInput("\(name):1: \(column): missing column")
        }
        return positions.filter { !exportColumns.contains($0.key) }
    }

    /// The risk of one row; `cells` maps column names to trimmed text.
    private static func risk(from cells: [String: String], location: String) throws(RiskctlError)
        -> RiskInterface.NewRisk
    {
        func text(_ column: String) -> String? {
            cells[column].flatMap { $0.isEmpty ? nil : $0 }
        }
        func required(_ column: String) throws(RiskctlError) -> String {
            guard let value = text(column) else { throw .invalidInput("\(location): \(column): empty, but required") }
            return value
        }
        func checked<T>(_ column: String, _ parse: (String) throws -> T) throws(RiskctlError) -> T? {
            guard let value = text(column) else { return nil }
            do {
                return try parse(value)
            } catch let error as ValidationError {
                throw .invalidInput("\(location): \(column): \(error.message), not '\(value)'")
            } catch {
                throw .invalidInput("\(location): \(column): \(error)")
            }
        }
        let title = try required("title")
        let category = try required("category")
        _ = try required("likelihood")
        _ = try required("impact")
        let likelihood = try checked("likelihood", Rating.parse) ?? 0
        let impact = try checked("impact", Rating.parse) ?? 0
        let residualLikelihood = try checked("residualLikelihood", Rating.parse)
        let residualImpact = try checked("residualImpact", Rating.parse)
        if (residualLikelihood == nil) != (residualImpact == nil) {
            let missing = residualLikelihood == nil ? "residualLikelihood" : "residualImpact"
            throw .invalidInput("\(location): \(missing): empty, but the other residual rating is given")
        }
        return RiskInterface.NewRisk(
            title: title,
            description: text("description"),
            category: category,
            area: text("area"),
            owner: text("owner"),
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: residualLikelihood,
            residualImpact: residualImpact,
            nextReviewDue: try checked("nextReviewDue", CalendarDay.parse)
        )
    }
}
