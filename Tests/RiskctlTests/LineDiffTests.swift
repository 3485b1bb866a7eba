import Testing

@testable import riskctl

@Suite("Line diffs print as diff -u prints them")
struct LineDiffTests {
    static func numbers(_ range: ClosedRange<Int>) -> [String] { range.map(String.init) }

    /// Old lines, new lines, and the hunks `diff -u` (GNU diffutils) printed for the same two files, its two header
    /// lines left out.
    static let cases: [(String, [String], [String], [String])] = [
        ("same texts", ["a", "b"], ["a", "b"], []),
        (
            "two changes far apart are two hunks, each with three lines of context",
            numbers(1...20),
            numbers(1...20).map { $0 == "2" ? "two" : $0 == "18" ? "eighteen" : $0 },
            [
                "@@ -1,5 +1,5 @@", " 1", "-2", "+two", " 3", " 4", " 5",
                "@@ -15,6 +15,6 @@", " 15", " 16", " 17", "-18", "+eighteen", " 19", " 20",
            ]
        ),
        (
            "lines added in the middle",
            numbers(1...5), ["1", "2", "x", "y", "3", "4", "5"],
            ["@@ -1,5 +1,7 @@", " 1", " 2", "+x", "+y", " 3", " 4", " 5"]
        ),
        ("a line removed", ["1", "2", "3"], ["1", "3"], ["@@ -1,3 +1,2 @@", " 1", "-2", " 3"]),
        (
            "a change lists the removed lines before the added ones",
            numbers(1...9), numbers(1...9).map { $0 == "5" ? "five" : $0 },
            ["@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8"]
        ),
    ]

    @Test("Hunks as diff -u", arguments: cases.indices)
    func hunks(index: Int) {
        let (what, old, new, expected) = Self.cases[index]
        let diff = LineDiff(old: old, new: new)
        #expect(diff.unified() == expected, "\(what)")
        #expect(diff.isEmpty == expected.isEmpty, "\(what)")
    }

    @Test("Every line of both texts is kept, in order")
    func keepsEveryLine() {
        for (_, old, new, _) in Self.cases {
            let lines = LineDiff(old: old, new: new).lines
            let olds = lines.compactMap { line -> String? in
                switch line {
                case .same(let text), .removed(let text): text
                case .added: nil
                }
            }
            let news = lines.compactMap { line -> String? in
                switch line {
                case .same(let text), .added(let text): text
                case .removed: nil
                }
            }
            #expect(olds == old)
            #expect(news == new)
        }
    }
}
