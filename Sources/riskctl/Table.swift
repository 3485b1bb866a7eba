/// A table as systemctl and resolvectl print them: a header row, aligned columns, no box drawing, then a legend.
///
/// Widths are computed on the plain text, so colour never breaks the alignment. Lines never exceed the width
/// `Output.terminalWidth` gives (the terminal's, else `$COLUMNS`; piped output without `$COLUMNS` is never cut):
/// the spare width goes to the growing column (the title, as systemctl keeps a unit's name whole), and cells are
/// cut with `…` as `TableWidths` decides. `--full` shows every cell whole.
struct Table {
    /// How a column's text sits in its width.
    enum Alignment {
        /// Text starts at the column's left edge.
        case left
        /// Text ends at the column's right edge, for numbers.
        case right
    }

    /// A column: its header and alignment.
    struct Column {
        /// The header, upper case by convention (`NEXT REVIEW`).
        var title: String
        /// How the column's cells are aligned.
        var alignment: Alignment = .left
        /// Whether the column gets the width the others leave and is cut last (a title); without one, the last
        /// column does.
        var grows = false
    }

    /// One cell: its text and, when it carries meaning, a colour.
    struct Field: ExpressibleByStringLiteral {
        /// The text as printed, without colour.
        var text: String
        /// The colour of the text, applied only when colour is enabled.
        var style: Style?

        /// A cell holding `text` on one line, coloured with `style` when given.
        init(_ text: String, style: Style? = nil) {
            self.text = text.singleLine
            self.style = style
        }

        /// A cell holding a literal.
        init(stringLiteral value: String) {
            self.init(value)
        }
    }

    /// The columns, left to right.
    var columns: [Column]
    /// The rows, each with one field per column.
    var rows: [[Field]] = []

    /// A table with these columns and no rows yet.
    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing fields are empty.
    mutating func append(_ row: [Field]) {
        rows.append(row)
    }

    /// Prints the table and the legend, or only the rows when `options` ask for no legend.
    func print(legend: String, options: GlobalOptions) {
        for line in render(header: options.showsLegend, width: options.full ? nil : Output.terminalWidth) {
            Output.line(line)
        }
        if options.showsLegend {
            Output.line()
            Output.line(legend)
        }
    }

    /// The lines of the table; `width` is the space the lines must fit in, `nil` for no limit.
    func render(header: Bool, width: Int?) -> [String] {
        let separator = "  "
        let headers = header ? columns.map(\.title.count) : columns.map { _ in 0 }
        var natural = headers
        for row in rows {
            for (index, field) in row.enumerated() where index < natural.count {
                natural[index] = max(natural[index], field.text.count)
            }
        }
        let widths = TableWidths(
            natural: natural,
            headers: headers,
            growing: columns.firstIndex(where: \.grows) ?? columns.count - 1,
            separator: separator.count
        ).fitted(to: width)
        var lines = [String]()
        if header {
            lines.append(line(columns.map { Field($0.title) }, widths: widths, separator: separator))
        }
        for row in rows {
            lines.append(line(row, widths: widths, separator: separator))
        }
        return lines
    }

    private func line(_ row: [Field], widths: [Int], separator: String) -> String {
        var cells = [String]()
        for (index, width) in widths.enumerated() {
            let field = index < row.count ? row[index] : Field("")
            var text = field.text
            if text.count > width {
                text = String(text.prefix(max(0, width - 1))) + "…"
            }
            let padding = String(repeating: " ", count: width - text.count)
            let painted = field.style?.paint(text) ?? text
            let isLast = index == widths.count - 1
            switch columns[index].alignment {
            case .left: cells.append(isLast ? painted : painted + padding)
            case .right: cells.append(padding + painted)
            }
        }
        // An empty last column would leave the separator and padding at the end of the line.
        var joined = cells.joined(separator: separator)
        while joined.last == " " {
            joined.removeLast()
        }
        return joined
    }
}
