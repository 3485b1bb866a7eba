import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An audit entry's detail, a JSON object, as `key=value` pairs a person can read in a table.
///
/// Keys are sorted as riskd writes them; text holding a space or a quote is quoted; the long hashes riskd keeps
/// in place of large or personal text (`sha256:…`, `hmac:…`) are cut to their first 12 digits.
enum AuditDetailText {
    /// The readable form of `detail`; text that is not a JSON object is shown as it is.
    static func readable(_ detail: String) -> String {
        guard let data = detail.data(using: .utf8),
            case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return detail }
        guard !fields.isEmpty else { return "-" }
        return fields.keys.sorted().map { "\($0)=\(text(of: fields[$0] ?? .null))" }.joined(separator: " ")
    }

    /// One value as it follows `key=`.
    private static func text(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let string): return quoted(shortened(string))
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "?"
        }
    }

    /// `sha256:` and `hmac:` digests cut to 12 digits and `…`; other text unchanged.
    private static func shortened(_ text: String) -> String {
        for prefix in ["sha256:", "hmac:"] where text.hasPrefix(prefix) && text.count > prefix.count + 12 {
            return String(text.prefix(prefix.count + 12)) + "…"
        }
        return text
    }

    /// Text quoted when it is empty or holds a space, a quote or an equals sign, so that pairs stay apart.
    private static func quoted(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return text }
        return "\"" + text.replacing("\"", with: "\\\"") + "\""
    }
}
