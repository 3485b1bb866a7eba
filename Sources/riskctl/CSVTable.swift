import ArgumentParser

/// A CSV file read as rows of named columns, as the import commands read them.
///
/// The first record is the header; columns are matched by name (case ignored), in any order. Rows are numbered as a
/// spreadsheet numbers them, the header being row 1, so that every error can say `FILE:ROW: column: reason`.
/// Blank rows are skipped; a row with more fields than the header is refused.
struct CSVTable {
    /// One row below the header.
    struct Row {
        /// The row of the file, 2 for the first below the header.
        var number: Int
        /// The trimmed text of each known column.
        var cells: [String: String]
        /// `FILE:ROW`, for messages.
        var location: String

        /// The text of `column`, or `nil` when it is empty or absent.
        func text(_ column: String) -> String? {
            cells[column].flatMap { $0.isEmpty ? nil : $0 }
        }

        /// The text of `column`, which must not be empty.
        func required(_ column: String) throws(RiskctlError) -> String {
            guard let value = text(column) else { throw .invalidInput("\(location): \(column): empty, but required") }
            return value
        }

        /// The value `parse` reads from `column`, or `nil` when it is empty; a `ValidationError` of `parse` becomes
        /// `FILE:ROW: column: reason, not 'text'`.
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
    }

    /// The rows of `text`, the contents of the file `name`.
    ///
    /// - Parameters:
    ///   - columns: the columns read, as named in messages.
    ///   - required: the columns the header must have.
    ///   - skipped: columns accepted in the header but not read (such as those an export adds).
    ///   - noun: what the rows hold, plural, for the message about a file without any.
    /// - Throws: `RiskctlError.invalidInput` naming the first bad row and column; nothing is read past it.
    static func rows(
        in text: String,
        name: String,
        columns: [String],
        required: [String],
        skipped: [String] = [],
        noun: String
    ) throws(RiskctlError) -> [Row] {
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
        let positions = try columnPositions(
            header,
            name: name,
            columns: columns,
            required: required,
            skipped: skipped
        )
        var rows = [Row]()
        for (index, record) in records.enumerated().dropFirst() {
            let number = index + 1
            guard record.contains(where: { !$0.trimmingWhitespace().isEmpty }) else { continue }
            if record.count < header.count
                || record[header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty })
            {
                throw .invalidInput("\(name):\(number): \(record.count) fields, but the header has \(header.count)")
            }
            rows.append(
                Row(
                    number: number,
                    cells: positions.mapValues { record[$0].trimmingWhitespace() },
                    location: "\(name):\(number)"
                )
            )
        }
        guard !rows.isEmpty else {
            throw .invalidInput("\(name): no \(noun) to import below the header")
        }
        return rows
    }

    /// `FILE:ROW: column: reason` for a value riskd refused by its path, such as `risks[3].likelihood` or
    /// `organisations[2].aliases[1]` (`list` is `risks` or `organisations`); `rows` are the file's row numbers in
    /// the order sent. `nil` when the path names no row.
    static func locate(_ path: String, list: String, reason: String, rows: [Int], name: String) -> String? {
        guard path.hasPrefix("\(list)["), let close = path.firstIndex(of: "]") else { return nil }
        let number = path[path.index(path.startIndex, offsetBy: list.count + 1)..<close]
        guard let index = Int(number), rows.indices.contains(index) else { return nil }
        let column = path[path.index(after: close)...].drop { $0 == "." }.prefix { $0 != "[" }
        let row = rows[index]
        return column.isEmpty ? "\(name):\(row): \(reason)" : "\(name):\(row): \(column): \(reason)"
    }

    /// Where each read column is in the header.
    private static func columnPositions(
        _ header: [String],
        name: String,
        columns: [String],
        required: [String],
        skipped: [String]
    ) throws(RiskctlError) -> [String: Int] {
        var positions = [String: Int]()
        for (index, title) in header.enumerated() {
            let trimmed = title.trimmingWhitespace()
            guard let column = (columns + skipped).first(where: { $0.lowercased() == trimmed.lowercased() }) else {
                let shown = trimmed.isEmpty ? "column \(index + 1)" : trimmed
                throw .invalidInput(
                    "\(name):1: \(shown): unknown column; the columns are \(columns.joined(separator: ", "))"
                )
            }
            guard positions[column] == nil else {
                throw .invalidInput("\(name):1: \(column): column given twice")
            }
            positions[column] = index
        }
        for column in required where positions[column] == nil {
            throw .invalidInput("\(name):1: \(column): missing column")
        }
        return positions.filter { !skipped.contains($0.key) }
    }
}
