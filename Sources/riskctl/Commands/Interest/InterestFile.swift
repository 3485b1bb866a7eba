import ArgumentParser
import RiskProtocol

/// The CSV form of existing declarations that `interest import` reads: the header names the columns
/// `declarant,kind,organisation,description,value,sensitive,startedOn,endedOn`, in any order. Rows are numbered as
/// a spreadsheet numbers them, the header being row 1; every bad row is reported, as `FILE:ROW: column: reason`.
enum InterestFile {
    /// The columns `interest import` reads.
    static let columns = [
        "declarant", "kind", "organisation", "description", "value", "sensitive", "startedOn",
        "endedOn",
    ]

    /// The columns every file must have.
    static let requiredColumns = ["declarant", "kind", "organisation", "description", "startedOn"]

    /// The declarations of a file and the row each came from.
    ///
    /// - Throws: `RiskctlError.invalidInput` naming every bad row and column, one per line.
    static func entries(
        in text: String,
        name: String
    ) throws(RiskctlError)
        -> [(row: Int, interest: InterestInterface.ImportedInterest)]
    {
        try CSVTable.entries(in: text, name: name, columns: columns, required: requiredColumns, noun: "declarations") {
            row throws(RiskctlError) in
            // Every bad column of the row is reported, not only the first.
            var problems: [String] = []
            func read<T>(_ value: () throws(RiskctlError) -> T?) -> T? {
                do {
                    return try value()
                } catch {
                    problems.append(error.description)
                    return nil
                }
            }
            let declarant = read { () throws(RiskctlError) in try row.required("declarant") }
            let kind = read { () throws(RiskctlError) in try row.required("kind") }
                .flatMap { _ in read { () throws(RiskctlError) in try row.checked("kind", InterestPresenter.parseKind) }
                }
            let organisation = read { () throws(RiskctlError) in try row.required("organisation") }
            let description = read { () throws(RiskctlError) in try row.required("description") }
            let sensitive = read { () throws(RiskctlError) in try row.checked("sensitive", parseSensitive) }
            let startedOn = read { () throws(RiskctlError) in try row.required("startedOn") }
                .flatMap { _ in read { () throws(RiskctlError) in try row.checked("startedOn", CalendarDay.parse) } }
            let endedOn = read { () throws(RiskctlError) in try row.checked("endedOn", CalendarDay.parse) }
            guard problems.isEmpty, let declarant, let kind, let organisation, let description, let startedOn else {
                throw .invalidInput(problems.joined(separator: "\n"))
            }
            return (
                row.number,
                InterestInterface.ImportedInterest(
                    declarant: declarant,
                    kind: kind,
                    organisation: organisation,
                    description: description,
                    value: row.text("value"),
                    sensitive: sensitive,
                    startedOn: startedOn,
                    endedOn: endedOn
                )
            )
        }
    }

    /// The lines of a refused `Import`, each as `FILE:ROW: column: reason`: riskd names the first bad element by
    /// its path (`interests[3].startedOn`) and the others in its reason (`…; also interests[5].declarant: …`).
    static func locate(field: String, reason: String, rows: [Int], name: String) -> String? {
        let parts = reason.components(separatedBy: "; also ")
        var lines = [(field, parts[0])]
        for other in parts.dropFirst().joined(separator: "; also ").components(separatedBy: "; interests[")
            .enumerated() where !other.element.isEmpty
        {
            let text = other.offset == 0 ? other.element : "interests[" + other.element
            guard let colon = text.firstRange(of: ": ") else { continue }
            lines.append((String(text[..<colon.lowerBound]), String(text[colon.upperBound...])))
        }
        let located = lines.compactMap {
            CSVTable.locate($0.0, list: "interests", reason: $0.1, rows: rows, name: name)
        }
        guard !located.isEmpty else { return nil }
        return report(located + ["nothing was imported"])
    }

    /// Several lines of one error (riskctl prefixes each when it prints it).
    static func report(_ lines: [String]) -> String {
        lines.joined(separator: "\n")
    }

    /// `yes`/`no` (also `true`/`false`, `1`/`0`).
    static func parseSensitive(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: throw ValidationError("must be yes or no")
        }
    }
}
