import Testing

@testable import riskctl

@Suite("CSV is read and written as RFC 4180 and spreadsheets write it")
struct CSVTests {
    /// Texts and their records.
    static let parsed: [(String, [[String]])] = [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}title,owner\nR,ana\n", [["title", "owner"], ["R", "ana"]]),
        ("\"Udruga, Split\",x\n", [["Udruga, Split", "x"]]),
        ("\"say \"\"no\"\"\",x\n", [["say \"no\"", "x"]]),
        ("\"two\nlines\",x\n", [["two\nlines", "x"]]),
        ("a\n\nb\n", [["a"], [""], ["b"]]),
        ("a,,c\n", [["a", "", "c"]]),
        ("a\"b,c\n", [["a\"b", "c"]]),
        ("Đurđa,Šime\n", [["Đurđa", "Šime"]]),
        ("", []),
    ]

    @Test("Records", arguments: parsed.indices)
    func records(index: Int) throws {
        let (text, expected) = Self.parsed[index]
        #expect(try CSV.parse(text) == expected, "\(text.debugDescription)")
    }

    @Test("A semicolon separates fields where the first line has more semicolons than commas")
    func semicolons() throws {
        let text = "naziv;iznos\n\"Fond, d.o.o.\";1,5\n"
        #expect(CSV.separator(of: text) == ";")
        #expect(try CSV.parse(text, separator: ";") == [["naziv", "iznos"], ["Fond, d.o.o.", "1,5"]])
        #expect(CSV.separator(of: "a,b;c\n") == ",")
        #expect(CSV.separator(of: "\"a;b;c\",d\n") == ",")
    }

    /// Texts that are not CSV, and where and why.
    static let refused: [(String, CSV.ParseError)] = [
        (
            "a,b\n\"open,x\n",
            .init(record: 2, field: 0, reason: "a quoted field is never closed", header: ["a", "b"])
        ),
        ("\"open\n", .init(record: 1, field: 0, reason: "a quoted field is never closed", header: nil)),
        (
            "a,b\n1,\"2\"x\n",
            .init(
                record: 2,
                field: 1,
                reason: "text after the closing quote; a quote inside a field is written \"\"",
                header: ["a", "b"]
            )
        ),
    ]

    @Test("Refusals name the record and the field", arguments: refused.indices)
    func refusal(index: Int) {
        let (text, expected) = Self.refused[index]
        #expect(throws: expected) { try CSV.parse(text) }
    }

    @Test("A written line reads back as the same fields, quoted only where it must be")
    func roundTrip() throws {
        let rows: [[String]] = [
            ["plain", "words"], ["a,b", "say \"no\""], ["two\nlines", " padded "], ["", "Đurđa"],
        ]
        for row in rows {
            #expect(try CSV.parse(CSV.line(row)) == [row], "\(row)")
        }
        #expect(CSV.line(["plain", "a,b", "x\"y", " lead"]) == "plain,\"a,b\",\"x\"\"y\",\" lead\"")
    }
}
