import GRDB

/// The rows of a statement, each decoded by position straight from SQLite, without a GRDB `Row`.
///
/// GRDB's row and record cursors build, at every fetch, a dictionary of the statement's column names lowercased
/// (it serves `row["name"]`): on `risk.Get`, whose three fetches find one row or none, that dictionary cost more
/// than reading the rows (perf, `BENCHMARKS.md`). The hot reads select their columns in a known order
/// (`RowCoding.swift`) and need no names.
final class ColumnCursor<Element>: DatabaseCursor {
    let _statement: Statement
    var _isDone = false
    private let decode: (Columns) throws -> Element

    /// A cursor over `statement` run with `arguments` (it is reset and bound here, as GRDB's own cursors do).
    init(_ statement: Statement, arguments: StatementArguments, decode: @escaping (Columns) throws -> Element) throws {
        _statement = statement
        self.decode = decode
        try statement.setArguments(arguments)
    }

    /// A statement left before its end still holds its read snapshot: it is reset, as GRDB's cursors reset theirs
    /// (setting its arguments again is GRDB's public way to reset it).
    deinit {
        if !_isDone { try? _statement.setArguments(_statement.arguments) }
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> Element {
        try decode(Columns(statement: sqliteStatement))
    }

    /// Every row, decoded.
    func all() throws -> [Element] {
        var elements: [Element] = []
        while let element = try next() { elements.append(element) }
        return elements
    }
}

/// The current row of a statement, read by column index.
struct Columns {
    let statement: SQLiteStatement

    /// The value at `index`, converted as GRDB converts it (an optional is `nil` for NULL).
    ///
    /// - Throws: `StoreError.corrupt` when the value does not convert: NULL in a column read as non-optional.
    func at<Value: StatementColumnConvertible>(_ index: CInt) throws(StoreError) -> Value {
        guard let value = Value.fromStatement(statement, atUncheckedIndex: index) else {
            throw .corrupt("column \(index) of a row is NULL")
        }
        return value
    }
}
