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
        let rows = try CSVTable.rows(
            in: text,
            name: name,
            columns: columns,
            required: requiredColumns,
            skipped: exportColumns,
            noun: "risks"
        )
        var entries = [Entry]()
        for row in rows {
            entries.append(Entry(row: row.number, risk: try risk(from: row)))
        }
        return entries
    }

    /// The message for a rejected `Import`, naming the row and column when riskd named the risk and its field.
    ///
    /// riskd names a bad value by path, `risks[3].likelihood`; `entries[3]` knows its row.
    static func locate(_ path: String, reason: String, in entries: [Entry], name: String) -> String? {
        CSVTable.locate(path, list: "risks", reason: reason, rows: entries.map(\.row), name: name)
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

    /// The risk of one row.
    private static func risk(from row: CSVTable.Row) throws(RiskctlError) -> RiskInterface.NewRisk {
        let title = try row.required("title")
        let category = try row.required("category")
        _ = try row.required("likelihood")
        _ = try row.required("impact")
        let likelihood = try row.checked("likelihood", Rating.parse) ?? 0
        let impact = try row.checked("impact", Rating.parse) ?? 0
        let residualLikelihood = try row.checked("residualLikelihood", Rating.parse)
        let residualImpact = try row.checked("residualImpact", Rating.parse)
        if (residualLikelihood == nil) != (residualImpact == nil) {
            let missing = residualLikelihood == nil ? "residualLikelihood" : "residualImpact"
            throw .invalidInput("\(row.location): \(missing): empty, but the other residual rating is given")
        }
        return RiskInterface.NewRisk(
            title: title,
            description: row.text("description"),
            category: category,
            area: row.text("area"),
            owner: row.text("owner"),
            likelihood: likelihood,
            impact: impact,
            residualLikelihood: residualLikelihood,
            residualImpact: residualImpact,
            nextReviewDue: try row.checked("nextReviewDue", CalendarDay.parse)
        )
    }
}
