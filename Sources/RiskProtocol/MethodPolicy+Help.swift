extension MethodPolicy {
    /// Who may call the method, as a command's help says it, from its `Roles:` line: "the admin or auditor role",
    /// "the admin role, or the board role for their own records"; "no role" for a method open to anyone.
    ///
    /// A scope that only narrows what the caller sees or always acts as the caller (`visible`, `self`) goes without
    /// saying; `own` is said, since the command refuses other records.
    public var neededRoles: String {
        if anyone { return "no role" }
        let ordered = grants.sorted { PermissionRefusal.rank($0.key) < PermissionRefusal.rank($1.key) }
        let everyRecord = ordered.filter { $0.value != .own }.map(\.key.rawValue)
        let ownRecords = ordered.filter { $0.value == .own }.map(\.key.rawValue)
        var parts: [String] = []
        if !everyRecord.isEmpty { parts.append("the \(PermissionRefusal.list(everyRecord, conjunction: "or")) role") }
        if !ownRecords.isEmpty {
            parts.append("the \(PermissionRefusal.list(ownRecords, conjunction: "or")) role for their own records")
        }
        return parts.joined(separator: ", or ")
    }

    /// The sentence of a command's help: "Needs the admin or auditor role."
    public var needsSentence: String { "Needs \(neededRoles)." }
}
