import Testing

@testable import RiskStore

/// What a restore reads of a file before SQLite may open it (issue 20): a header riskd wrote, for a schema it
/// knows, counting exactly the bytes the file holds.
@Suite("A backup's header")
struct DatabaseFileHeaderTests {
    /// A header as SQLite writes it; each case changes one field.
    static func header(
        pageSize: UInt16 = 4096,
        pages: UInt32 = 10,
        validFor: UInt32? = nil,
        userVersion: UInt32 = 10,
        applicationID: UInt32 = DatabaseFileHeader.riskdApplicationID,
        magic: String = "SQLite format 3\0"
    ) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 100)
        func put(_ value: UInt32, at offset: Int, width: Int) {
            for index in 0..<width {
                bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - index)))
            }
        }
        bytes.replaceSubrange(0..<16, with: Array(magic.utf8.prefix(16)))
        put(UInt32(pageSize), at: 16, width: 2)
        put(7, at: 24, width: 4)
        put(pages, at: 28, width: 4)
        put(userVersion, at: 60, width: 4)
        put(applicationID, at: 68, width: 4)
        put(validFor ?? 7, at: 92, width: 4)
        return bytes
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var fileBytes: Int
        /// A word the refusal must hold; `nil` when the header is restorable.
        var refusal: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "riskd's own", bytes: header(), fileBytes: 40_960, refusal: nil),
        Case(
            name: "from before riskd stamped its id",
            bytes: header(applicationID: 0),
            fileBytes: 40_960,
            refusal: nil
        ),
        Case(
            name: "pages of 64 KiB (written as 1)",
            bytes: header(pageSize: 1, pages: 2),
            fileBytes: 131_072,
            refusal: nil
        ),
        Case(
            name: "another program's",
            bytes: header(applicationID: 0x4750_4B47),
            fileBytes: 40_960,
            refusal: "another program's"
        ),
        Case(name: "a newer riskd's", bytes: header(userVersion: 11), fileBytes: 40_960, refusal: "newer riskd"),
        Case(name: "a sparse tail", bytes: header(), fileBytes: 40_960 + 1 << 30, refusal: "beyond or short"),
        Case(name: "cut short", bytes: header(), fileBytes: 4096, refusal: "beyond or short"),
        Case(
            name: "a page size SQLite never writes",
            bytes: header(pageSize: 3000),
            fileBytes: 30_000,
            refusal: "page size"
        ),
        Case(name: "a page size too small", bytes: header(pageSize: 256), fileBytes: 2560, refusal: "page size"),
        Case(
            name: "no size in the header",
            bytes: header(validFor: 6),
            fileBytes: 40_960,
            refusal: "size in its header"
        ),
        Case(name: "zero pages", bytes: header(pages: 0), fileBytes: 0, refusal: "size in its header"),
        Case(
            name: "not SQLite",
            bytes: header(magic: "PK\u{3}\u{4} zip archive"),
            fileBytes: 40_960,
            refusal: "not an SQLite"
        ),
        Case(
            name: "too short to be a header",
            bytes: Array(header().prefix(60)),
            fileBytes: 60,
            refusal: "not an SQLite"
        ),
    ]

    @Test(arguments: cases)
    func restorable(_ example: Case) {
        do {
            let header = try DatabaseFileHeader(bytes: example.bytes)
            try header.checkRestorable(fileBytes: example.fileBytes, migrations: 10)
            #expect(example.refusal == nil, "accepted, expected a refusal with '\(example.refusal ?? "")'")
        } catch {
            guard let expected = example.refusal else {
                Issue.record("refused: \(error)")
                return
            }
            #expect(error.description.contains(expected), "\(error)")
        }
    }
}
