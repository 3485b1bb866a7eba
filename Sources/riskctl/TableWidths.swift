/// How wide each column of a table is printed, so that its lines fit a width: what `Table` cuts its cells to.
///
/// The order of sacrifice is systemctl's: the growing column (a title) keeps at least `keptWidth` characters while
/// the other columns are cut, widest first, down to their headers; only then is the title cut to its header, and
/// at last every column to one character. A table too wide even so is printed wider than the limit.
struct TableWidths {
    /// The width of each column's widest cell, header included.
    var natural: [Int]
    /// The width of each column's header (0 when the header is not printed): a column is cut to it before
    /// anything is cut further.
    var headers: [Int]
    /// The index of the column that grows.
    var growing: Int
    /// The spaces between two columns.
    var separator: Int
    /// What the growing column keeps while others can be cut.
    var keptWidth = 20

    /// The widths of the columns in a line of at most `limit` characters; `nil` is no limit.
    func fitted(to limit: Int?) -> [Int] {
        var widths = natural
        guard let limit, !widths.isEmpty else { return widths }
        var excess = widths.reduce(0, +) + separator * (widths.count - 1) - limit
        guard excess > 0 else { return widths }
        let others = widths.indices.filter { $0 != growing }
        let growingIndex = widths.indices.contains(growing) ? growing : widths.count - 1
        // Each step cuts one column down to a floor, taking no more than the excess.
        func cut(_ index: Int, to floor: Int) {
            let taken = min(excess, max(0, widths[index] - floor))
            widths[index] -= taken
            excess -= taken
        }
        cut(growingIndex, to: max(headers[growingIndex], min(natural[growingIndex], keptWidth)))
        for floor in [{ (index: Int) in max(1, headers[index]) }, { _ in 1 }] {
            // Widest first, one character at a time, so that the cut is shared among the widest columns.
            while excess > 0,
                let widest = others.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] })
            {
                cut(widest, to: widths[widest] - 1)
            }
            cut(growingIndex, to: max(1, floor(growingIndex)))
        }
        return widths
    }
}
