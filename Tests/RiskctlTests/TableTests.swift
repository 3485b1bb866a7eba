import Testing

@testable import riskctl

@Suite("Tables fit the terminal and give the spare width to the title")
struct TableTests {
    /// A `risk list` as an 80-column terminal cut it to `… financial Loss…` and 88 columns.
    static func riskList() -> Table {
        var table = Table([
            .init(title: "ID"), .init(title: "SEVERITY"), .init(title: "SCORE", alignment: .right),
            .init(title: "STATUS"), .init(title: "NEXT REVIEW"), .init(title: "OWNER"), .init(title: "CATEGORY"),
            .init(title: "TITLE"),
        ])
        table.append([
            "R-1", "critical", "20", "accepted until 2026-06-30", "2026-03-01 (overdue)", "marko.horvat",
            "financial", "Loss of the main grant when the donor's strategy changes in 2027",
        ])
        table.append(["R-12", "low", "2", "open", "2027-01-14", "ana", "legal", "Data protection"])
        return table
    }

    @Test(
        "Lines never exceed the width; the title keeps at least 20 characters while others can give",
        arguments: [40, 60, 72, 80, 100, 120, 170]
    )
    func fits(width: Int) {
        let lines = Self.riskList().render(header: true, width: width)
        for line in lines { #expect(line.count <= width, "\(line)") }
        let title = lines[1].split(separator: "  ").last.map(String.init) ?? ""
        if width >= 80 { #expect(title.count >= 20, "\(lines[1])") }
        if width >= 170 { #expect(title.hasSuffix("2027")) }
    }

    @Test("No limit prints every cell whole")
    func whole() {
        let lines = Self.riskList().render(header: true, width: nil)
        #expect(lines[1].hasSuffix("Loss of the main grant when the donor's strategy changes in 2027"))
        #expect(lines[1].contains("accepted until 2026-06-30"))
    }

    @Test(
        "Widths: the title first down to 20, then the others widest first down to their headers, then the rest",
        arguments: [
            // natural, headers, growing, limit, expected
            ([5, 30], [2, 5], 1, 100, [5, 30]),
            ([5, 30], [2, 5], 1, 27, [5, 20]),
            ([10, 8, 30], [2, 2, 5], 2, 30, [3, 3, 20]),
            ([10, 8, 30], [2, 2, 5], 2, 36, [6, 6, 20]),
            ([10, 8, 30], [2, 2, 5], 2, 13, [2, 2, 5]),
            ([10, 8, 30], [2, 2, 5], 2, 9, [1, 1, 3]),
            ([30, 4], [5, 2], 0, 30, [24, 4]),
            ([3, 3], [3, 3], 1, 2, [1, 1]),
        ]
    )
    func widths(natural: [Int], headers: [Int], growing: Int, limit: Int, expected: [Int]) {
        let widths = TableWidths(natural: natural, headers: headers, growing: growing, separator: 2).fitted(to: limit)
        #expect(widths == expected)
    }

    @Test("A cut cell ends in …, and the growing column need not be the last")
    func growingColumnInTheMiddle() {
        var table = Table([.init(title: "ID"), .init(title: "DESCRIPTION", grows: true), .init(title: "OWNER")])
        table.append(["A-1", "Ask the donor for a written commitment before the board meets", "ana"])
        let lines = table.render(header: true, width: 40)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[1].hasPrefix("A-1  Ask the donor for a written…  ana"))
    }

    /// Tables, whether the header is printed, the width, and the lines.
    static let renderings: [(Table, Bool, Int?, [String])] = [
        // Columns as wide as their widest cell or header, two spaces apart; numbers to the right.
        (
            table(["ID", "SCORE:right", "OWNER"], [["R-1", "20", "ana"], ["R-12", "4", "marko.horvat"]]),
            true, nil,
            ["ID    SCORE  OWNER", "R-1      20  ana", "R-12      4  marko.horvat"]
        ),
        // Without the header (--no-legend), the header's width does not count.
        (
            table(["ID", "SCORE:right", "OWNER"], [["R-1", "20", "ana"], ["R-12", "4", "marko.horvat"]]),
            false, nil,
            ["R-1   20  ana", "R-12   4  marko.horvat"]
        ),
        // A missing field is empty, and an empty last cell leaves no spaces at the end of the line.
        (table(["ID", "NOTE"], [["A-1"], ["A-22", "late"]]), true, nil, ["ID    NOTE", "A-1", "A-22  late"]),
        // A cell is printed on one line: line breaks and tabs become spaces, other control characters �.
        (
            table(["ID", "TITLE"], [["R-1", "two\nlines\tand a \u{7}bell"]]), false, nil,
            ["R-1  two lines and a \u{FFFD}bell"]
        ),
        // Cut to the width: the title gives first, down to 20 characters, and ends in an ellipsis.
        (
            table(["ID", "TITLE"], [["R-1", "Loss of the main grant"]]),
            true, 25,
            ["ID   TITLE", "R-1  Loss of the main gr…"]
        ),
        // A table without rows is its header alone.
        (table(["ID", "TITLE"], []), true, 80, ["ID  TITLE"]),
    ]

    /// A table of `columns` (`NAME:right` for a column aligned right) holding `rows`.
    static func table(_ columns: [String], _ rows: [[String]]) -> Table {
        var table = Table(
            columns.map { column in
                let parts = column.split(separator: ":")
                return .init(title: String(parts[0]), alignment: parts.count > 1 ? .right : .left)
            }
        )
        for row in rows { table.append(row.map { Table.Field($0) }) }
        return table
    }

    @Test("Rows are aligned, cut and cleaned as systemctl prints its tables", arguments: renderings)
    func rendering(table: Table, header: Bool, width: Int?, expected: [String]) {
        #expect(table.render(header: header, width: width) == expected)
    }
}
