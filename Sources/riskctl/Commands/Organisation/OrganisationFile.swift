import RiskProtocol

/// The CSV form of the registry that `org import` reads, as `config/organisations.example.csv` shows it.
///
/// The header names the columns `name,aliases,kind,interest,power,note`, in any order; aliases are separated by
/// `;`. Rows are numbered as a spreadsheet numbers them, the header being row 1, so that an error can say
/// `FILE:ROW: column: reason`.
enum OrganisationFile {
    /// One organisation read from the file, with the row it came from.
    struct Entry {
        /// The row of the file, 2 for the first organisation.
        var row: Int
        /// The organisation as `Import` takes it.
        var organisation: OrganisationInterface.NewOrganisation
    }

    /// The columns `org import` reads.
    static let columns = ["name", "aliases", "kind", "interest", "power", "note"]

    /// The columns every file must have.
    static let requiredColumns = ["name", "kind"]

    /// Reads the organisations of a file.
    ///
    /// - Throws: `RiskctlError.invalidInput` naming the first bad row and column; nothing is read past it.
    static func entries(in text: String, name: String) throws(RiskctlError) -> [Entry] {
        let rows = try CSVTable.rows(
            in: text,
            name: name,
            columns: columns,
            required: requiredColumns,
            noun: "organisations"
        )
        var entries = [Entry]()
        for row in rows {
            entries.append(Entry(row: row.number, organisation: try organisation(from: row)))
        }
        return entries
    }

    /// The message for a rejected `Import`, naming the row and column of the organisation riskd named by its path
    /// (`organisations[3].aliases[1]`), or of the one holding the name riskd says is taken.
    static func locate(_ error: VarlinkErrorParameters, in entries: [Entry], name: String) -> String? {
        switch error {
        case .invalid(let path, let reason):
            return CSVTable.locate(path, list: "organisations", reason: reason, rows: entries.map(\.row), name: name)
        case .taken(let taken, let holder):
            for entry in entries {
                let column: String
                if entry.organisation.name == taken {
                    column = "name"
                } else if entry.organisation.aliases?.contains(taken) == true {
                    column = "aliases"
                } else {
                    continue
                }
                return "\(name):\(entry.row): \(column): \"\(taken)\" is already taken by "
                    + "\(RecordKind.organisation.format(holder)); nothing was imported"
            }
            return nil
        }
    }

    /// What riskd said was wrong with an import, as `locate` reads it.
    enum VarlinkErrorParameters {
        /// `InvalidValue` or `InvalidParameter` at `path`.
        case invalid(path: String, reason: String)
        /// `DuplicateName`: `name` belongs to organisation `holder`.
        case taken(name: String, holder: Int)
    }

    /// The organisation of one row.
    private static func organisation(
        from row: CSVTable.Row
    ) throws(RiskctlError)
        -> OrganisationInterface.NewOrganisation
    {
        let name = try row.required("name")
        _ = try row.required("kind")
        let aliases = (row.text("aliases") ?? "").split(separator: ";", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        if aliases.count > 1, aliases.contains(where: \.isEmpty) {
            throw .invalidInput("\(row.location): aliases: an empty alias between two ';'")
        }
        let given = aliases.filter { !$0.isEmpty }
        return OrganisationInterface.NewOrganisation(
            name: name,
            aliases: given.isEmpty ? nil : given,
            kind: try row.checked("kind", OrganisationPresenter.parseKind) ?? "",
            interest: try row.checked("interest", OrganisationPresenter.parseLevel),
            power: try row.checked("power", OrganisationPresenter.parseLevel),
            note: row.text("note")
        )
    }
}
