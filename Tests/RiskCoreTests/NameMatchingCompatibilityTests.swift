// Name folding without ICU: NameMatching decomposes with the standard library and a generated table, and these tests
// hold it to Foundation's (ICU's) compatibility decomposition, which riskd used before.
import Foundation
@_spi(_Unicode) import Swift
import Testing

@testable import RiskCore

@Suite("Name matching without ICU")
struct NameMatchingCompatibilityTests {
    @Test("Every scalar decomposes as Foundation's NFKD decomposes it")
    func everyScalar() throws {
        let expected = CompatibilityTableGenerator.decompositions()
        var table: [UInt32: [UInt32]] = [:]
        for entry in expected { table[entry.source] = entry.target }
        let actual = NameMatching.compatibilityDecompositions.mapValues { $0.map(\.value) }
        let package = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let written = try String(
            contentsOf: package.appending(path: "Sources/RiskCore/NameMatching+Compatibility.swift"),
            encoding: .utf8
        )
        if actual != table || written != CompatibilityTableGenerator.source() {
            let file = FileManager.default.temporaryDirectory.appending(path: "NameMatching+Compatibility.swift")
            try CompatibilityTableGenerator.source().write(to: file, atomically: true, encoding: .utf8)
            Issue.record("the table differs from this toolchain's NFKD; the table it gives is in \(file.path)")
        }
        #expect(actual.count == 3_832)
    }

    /// Foundation brings ICU's 34 MB into whatever links it (docs/size.md); the domain needs neither.
    @Test("RiskCore imports no Foundation")
    func noFoundation() throws {
        let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Sources/RiskCore")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var checked = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            checked += 1
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let module = words.firstIndex(of: "import").map({ words.index(after: $0) }),
                    module < words.endIndex
                else { continue }
                #expect(!words[module...].contains { $0.hasPrefix("Foundation") }, "\(file.lastPathComponent): \(line)")
            }
        }
        #expect(checked > 20)
    }

    @Test(
        "Names of a Balkan network decompose as Foundation decomposes them",
        arguments: Self.names.map(\.name) + ["Z\u{30C}ene", "e\u{301}\u{327}", "\u{1E0B}\u{323}", "ǅ", "ﬃ ＡＢ ²"]
    )
    func decomposition(name: String) {
        let ours = Array(NameMatching.compatibilityDecomposed(name).unicodeScalars)
        #expect(ours == Array(name.decomposedStringWithCompatibilityMapping.unicodeScalars))
    }

    static let names: [(name: String, folded: String)] = [
        ("Udruženje za podršku", "udruzenje za podrsku"),
        ("Centar za građanske inicijative", "centar za gradanske inicijative"),
        ("Ženska mreža Hrvatske", "zenska mreza hrvatske"),
        ("Čovjek u krizi – Ćuprija", "covjek u krizi cuprija"),
        ("ĐAKOVO", "dakovo"),
        ("Удружење грађана „Рома“", "удружење грађана рома"),
        ("Хелсиншки одбор за људска права", "хелсиншки одбор за људска права"),
        ("Ελληνική Ένωση για τα Δικαιώματα", "ελληνικη ενωση για τα δικαιωματα"),
        ("Σύλλογος Ἀθηνῶν", "συλλογος αθηνων"),
        ("İnsan Hakları Derneği", "insan haklari dernegi"),
        ("IĞDIR Kadın Dayanışma", "igdir kadin dayanisma"),
        ("Straßenkinder e.V.", "strassenkinder e v"),
        ("Shqipëria", "shqiperia"),
        ("Македонско здружение Й", "македонско здружение и"),
        ("ǄEMAL Džemal", "dzemal dzemal"),
        ("Z\u{30C}ene", "zene"),
        ("ﬁnancije ＷＢＦ", "financije wbf"),
        ("Fond №2", "fond no2"),
    ]

    @Test("Names of a Balkan network fold", arguments: Self.names)
    func folding(name: String, folded: String) {
        #expect(NameMatching.normalise(name) == folded)
    }
}

/// Writes NameMatching's compatibility table from Foundation's NFKD: `NameMatching+Compatibility.swift` is its output
/// (`source()`), and `everyScalar` writes it anew when the toolchain's Unicode changes.
enum CompatibilityTableGenerator {
    /// Every scalar whose compatibility decomposition (NFKD, Foundation) differs from its canonical one (the standard
    /// library's NFD), with that decomposition.
    static func decompositions() -> [(source: UInt32, target: [UInt32])] {
        var entries: [(source: UInt32, target: [UInt32])] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let compatibility = text.decomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
            if compatibility != text._nfd.map(\.value) { entries.append((value, compatibility)) }
        }
        return entries
    }

    /// The entries as NameMatching's table spells them: `SOURCE TARGET[+TARGET…]`, or `SOURCE*COUNT TARGET` for a
    /// run of COUNT scalars mapped one to one onto a run starting at TARGET; hexadecimal, separated by commas.
    static func encoded(_ entries: [(source: UInt32, target: [UInt32])]) -> [String] {
        let hex = { (value: UInt32) in String(value, radix: 16, uppercase: true) }
        var runs: [String] = []
        var index = 0
        while index < entries.count {
            let (source, target) = entries[index]
            var count = 1
            if target.count == 1 {
                while index + count < entries.count, entries[index + count].source == source + UInt32(count),
                    entries[index + count].target == [target[0] + UInt32(count)]
                {
                    count += 1
                }
            }
            let from = count == 1 ? hex(source) : "\(hex(source))*\(count)"
            runs.append("\(from) \(target.map(hex).joined(separator: "+"))")
            index += count
        }
        return runs
    }

    /// The Swift source of `NameMatching+Compatibility.swift`.
    static func source() -> String {
        var lines: [String] = []
        var line = ""
        for run in encoded(decompositions()) {
            if line.count + run.count + 1 > 112 {
                lines.append(line)
                line = ""
            }
            line += run + ","
        }
        lines.append(line)
        let header = [
            "// Generated by NameMatchingCompatibilityTests from the toolchain's Foundation (NFKD against the standard",
            "// library's NFD); when the two disagree, the test fails and writes this file anew to a temporary directory.",
            "",
            "extension NameMatching {",
            "    /// Every scalar whose compatibility decomposition differs from its canonical one, with its compatibility",
            "    /// decomposition: `SOURCE TARGET[+TARGET…]`, or `SOURCE*COUNT TARGET` for COUNT consecutive scalars",
            "    /// mapped one to one onto consecutive scalars from TARGET; hexadecimal, separated by commas.",
            "    static let compatibilityTable = \"\"\"",
        ]
        let table = lines.map { "        " + $0 }
        return (header + table + ["        \"\"\"", "}", ""]).joined(separator: "\n")
    }
}
