/// A line diff of two texts, printed as `diff -u` prints it: hunks with three lines of context, `-` for a line
/// only in the old text, `+` for one only in the new, the removed lines of a change before the added ones.
struct LineDiff {
    /// One line of the diff.
    enum Line: Equatable {
        /// In both texts.
        case same(String)
        /// Only in the old text.
        case removed(String)
        /// Only in the new text.
        case added(String)
    }

    /// Every line of both texts, in order, from a longest common subsequence.
    let lines: [Line]

    /// Whether the texts differ at all.
    var isEmpty: Bool { !lines.contains { if case .same = $0 { false } else { true } } }

    /// The diff of `old` and `new`, each a list of lines.
    init(old: [String], new: [String]) {
        // lcs[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines = [Line]()
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                lines.append(.removed(old[i]))
                i += 1
            } else {
                lines.append(.added(new[j]))
                j += 1
            }
        }
        self.lines = Self.removedFirst(lines)
    }

    /// `lines` with each run of changed lines written as `diff -u` writes it: the removed lines, then the added.
    static func removedFirst(_ lines: [Line]) -> [Line] {
        var ordered = [Line]()
        var removed = [Line]()
        var added = [Line]()
        for line in lines {
            switch line {
            case .removed: removed.append(line)
            case .added: added.append(line)
            case .same:
                ordered += removed + added + [line]
                removed = []
                added = []
            }
        }
        return ordered + removed + added
    }

    /// The hunks as `diff -u` prints them, each from its `@@ -a,b +c,d @@` line; `removed` and `added` colour the
    /// changed lines (red, green) when colour is enabled.
    func unified(context: Int = 3, removed: Style? = nil, added: Style? = nil) -> [String] {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        // Ranges of `lines` to show: each change with its context, overlapping ones merged.
        var ranges = [ClosedRange<Int>]()
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        var output = [String]()
        for range in ranges {
            let before = lines[..<range.lowerBound]
            let oldStart = before.filter { if case .added = $0 { false } else { true } }.count + 1
            let newStart = before.filter { if case .removed = $0 { false } else { true } }.count + 1
            let hunk = lines[range]
            let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
            output.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for line in hunk {
                switch line {
                case .same(let text): output.append(" " + text)
                case .removed(let text): output.append(removed?.paint("-" + text) ?? "-" + text)
                case .added(let text): output.append(added?.paint("+" + text) ?? "+" + text)
                }
            }
        }
        return output
    }
}
