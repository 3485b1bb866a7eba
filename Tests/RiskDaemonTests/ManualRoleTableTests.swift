import Foundation
import RiskProtocol
import Testing

/// The generated role table (each method's `Roles:` line in the IDL) against the role table of riskd-varlink(7),
/// which is written out separately: a wrong annotation cannot silently agree with itself.
@Suite("riskd-varlink(7) and the Roles: lines")
struct ManualRoleTableTests {
    static let columns = ["admin", "board", "auditor", "mailer", "no role"]

    /// `{interface.Method: [column: mark]}` from the `.Bl -column` list of the manual's ROLES section.
    static func manualTable() throws -> [String: [String: String]] {
        let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("man/riskd-varlink.7")
        let source = try String(contentsOf: manual, encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let section = lines.firstIndex(of: ".Sh ROLES"),
            let start = lines[section...].firstIndex(where: { $0.hasPrefix(".Bl -column") }),
            let end = lines[start...].firstIndex(of: ".El")
        else { throw ManualError(message: "no .Bl -column table in the ROLES section") }
        let rows = lines[(start + 1)..<end].filter { $0.hasPrefix(".It ") }.map { row in
            row.dropFirst(4).components(separatedBy: " Ta ").map(Self.text)
        }
        guard rows.first == ["Methods"] + columns else { throw ManualError(message: "unexpected header \(rows[0])") }
        var table: [String: [String: String]] = [:]
        for cells in rows.dropFirst() {
            guard cells.count == columns.count + 1, let colon = cells[0].firstIndex(of: ":") else {
                throw ManualError(message: "row \(cells) does not read `interface: A, B` and four marks")
            }
            let interface = cells[0][..<colon]
            for method in cells[0][cells[0].index(after: colon)...].split(separator: ",") {
                let name = "org.riskd.\(interface).\(method.trimmingCharacters(in: .whitespaces))"
                guard table[name] == nil else { throw ManualError(message: "\(name) appears twice") }
                table[name] = Dictionary(uniqueKeysWithValues: zip(columns, cells.dropFirst()))
            }
        }
        return table
    }

    /// A cell as a reader sees it: no `Sy`, `\-` a hyphen.
    static func text(_ cell: String) -> String {
        var cell = cell.trimmingCharacters(in: .whitespaces)
        if cell.hasPrefix("Sy ") { cell.removeFirst(3) }
        return cell.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\&", with: "")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The marks the generated policy of a method gives each column.
    static func marks(of policy: MethodPolicy) -> [String: String] {
        var marks: [String: String] = [:]
        for role in MethodRole.allCases {
            marks[role.rawValue] = policy.anyone ? "yes" : policy.grants[role]?.rawValue ?? "-"
        }
        marks["no role"] = policy.anyone ? "yes" : "-"
        return marks
    }

    struct ManualError: Error {
        let message: String
    }

    @Test("The manual names exactly the methods the IDL declares") func sameMethods() throws {
        #expect(Set(try Self.manualTable().keys) == Set(ProtocolCatalog.policies.keys))
    }

    @Test("Every method's roles are the manual's") func sameRoles() throws {
        let manual = try Self.manualTable()
        for (method, policy) in ProtocolCatalog.policies.sorted(by: { $0.key < $1.key }) {
            #expect(Self.marks(of: policy) == manual[method], "\(method)")
        }
    }

    @Test("The roles of the manual are the roles of the IDL") func sameRoleNames() {
        #expect(Set(MethodRole.allCases.map(\.rawValue)) == Set(Self.columns.dropLast()))
    }
}
