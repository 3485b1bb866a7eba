/// Near names: two spellings of one organisation a typing error apart ("Western Balcan Fund", "Western Balkan Fund"),
/// which a conflict check reports as `possible` so that a typo cannot hide a conflict.
///
/// Names are compared in their matching form (`matchingForm`), word by word. They are near when they differ, have
/// the same number of words and, within the words that differ, are at most `allowedEdits(letters:)` edits apart
/// (an edit inserts, deletes or replaces one letter, or swaps two neighbouring ones), counted on the shorter name.
/// Also near: names that are equal once the spaces between their words are dropped ("WesternBalkan Fund").
///
/// What keeps different organisations apart, each a case seen in a drug-policy network's registry:
/// - Names of fewer than 8 letters never are near: acronyms one letter apart (EHRA, EHRN; UNODC, UNOPS) are
///   different bodies, and a short name has too few letters for an edit to be a typo rather than another word.
/// - A word that differs must have at least 4 letters on both sides: "NL" and "BE", "of" and "for" carry meaning
///   (a country chapter, another body), and a typo in them cannot be told from a different word.
/// - A word that differs must keep its first letter: typing errors rarely touch it, and real words that differ only
///   there ("Health" and "Wealth") name different things.
/// - A word holding a digit must be equal: "Fund 2026" and "Fund 2027" are different calls.
extension NameMatching {
    /// The fewest letters (and digits) a name needs before one edit may be a typo.
    public static let lettersForOneEdit = 8
    /// The fewest letters (and digits) a name needs before two edits may be typos.
    public static let lettersForTwoEdits = 15
    /// The fewest letters a word that differs must have on both sides.
    public static let lettersPerDifferingWord = 4

    /// How many edits a typo may make in a name of `letters` letters and digits (its spaces not counted): none below
    /// `lettersForOneEdit`, one below `lettersForTwoEdits`, two from there on — about one edit per seven letters,
    /// as people mistype, capped at two so that two long names of one pattern ("Ministry of Health of Serbia",
    /// "Ministry of Health of Bosnia") stay apart.
    public static func allowedEdits(letters: Int) -> Int {
        if letters >= lettersForTwoEdits { return 2 }
        if letters >= lettersForOneEdit { return 1 }
        return 0
    }

    /// Whether two names, already in their matching form, are near but not equal (see the type's rules).
    public static func isNear(_ first: String, _ second: String) -> Bool {
        guard first != second, !first.isEmpty, !second.isEmpty else { return false }
        let (firstWords, secondWords) = (words(first), words(second))
        guard firstWords.count == secondWords.count else {
            return first.filter { $0 != " " } == second.filter { $0 != " " }
        }
        let letters = min(first.count - (firstWords.count - 1), second.count - (secondWords.count - 1))
        let allowed = allowedEdits(letters: letters)
        guard allowed > 0 else { return false }
        var edits = 0
        for (mine, theirs) in zip(firstWords, secondWords) where mine != theirs {
            guard mine.count >= lettersPerDifferingWord, theirs.count >= lettersPerDifferingWord,
                mine.first == theirs.first,
                !mine.contains(where: \.isNumber), !theirs.contains(where: \.isNumber),
                let distance = editDistance(Array(mine), Array(theirs), atMost: allowed - edits)
            else { return false }
            edits += distance
        }
        return true
    }

    /// The edit distance of two words (insertions, deletions, replacements and swaps of neighbouring letters, each
    /// one edit), or `nil` when it exceeds `limit`.
    static func editDistance(_ first: [Character], _ second: [Character], atMost limit: Int) -> Int? {
        guard limit >= 0, abs(first.count - second.count) <= limit else { return nil }
        guard !first.isEmpty, !second.isEmpty else { return max(first.count, second.count) }
        // Optimal string alignment: the row before the previous one is kept for the swap of neighbours.
        var older = [Int](repeating: 0, count: second.count + 1)
        var previous = Array(0...second.count)
        for i in 1...first.count {
            var current = [i] + [Int](repeating: 0, count: second.count)
            for j in 1...second.count {
                let replace = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, replace)
                if i > 1, j > 1, first[i - 1] == second[j - 2], first[i - 2] == second[j - 1] {
                    current[j] = min(current[j], older[j - 2] + 1)
                }
            }
            guard current.min() ?? 0 <= limit else { return nil }
            (older, previous) = (previous, current)
        }
        let distance = previous[second.count]
        return distance <= limit ? distance : nil
    }
}
