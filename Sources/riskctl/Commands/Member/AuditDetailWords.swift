import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An audit entry's `detail` (canonical JSON, as riskd records it) as `field: value` pairs a person reads: field
/// names in words ("Started on"), nested values flattened, dates and kinds in words, keyed hashes and digests said
/// for what they are, never JSON inside text.
enum AuditDetailWords {
    /// The pairs of `detail`, by field name; text that is not a JSON object is one pair, "Details".
    static func fields(of detail: String) -> [(name: String, value: String)] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(detail.utf8)),
            case .object(let object) = value
        else { return detail.isEmpty ? [] : [("Details", detail)] }
        var pairs: [(name: String, value: String)] = []
        for key in object.keys.sorted() {
            flatten(object[key] ?? .null, name: label(key), into: &pairs)
        }
        return pairs
    }

    private static func flatten(_ value: JSONValue, name: String, into pairs: inout [(name: String, value: String)]) {
        switch value {
        case .object(let object):
            if object.isEmpty { pairs.append((name, "none")) }
            for key in object.keys.sorted() {
                flatten(object[key] ?? .null, name: "\(name), \(label(key).lowercased())", into: &pairs)
            }
        case .array(let items):
            if items.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                pairs.append((name, items.isEmpty ? "none" : items.map(words).joined(separator: ", ")))
            } else {
                for (index, item) in items.enumerated() { flatten(item, name: "\(name) \(index + 1)", into: &pairs) }
            }
        case .string(let text) where name.hasSuffix("Kind") || name.hasSuffix("kind"):
            pairs.append((name, DocumentWords.kind(text)))
        default:
            pairs.append((name, words(value)))
        }
    }

    /// One scalar in words: a keyed hash or a digest says what it stands for.
    static func words(_ value: JSONValue) -> String {
        switch value {
        case .null: "none"
        case .bool(let flag): flag ? "yes" : "no"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text):
            if text.hasPrefix("hmac:") {
                "(personal text, kept only as a keyed hash)"
            } else if text.hasPrefix("sha256:") {
                "(long text, kept as its SHA-256 \(text.dropFirst("sha256:".count).prefix(12))…)"
            } else if RFC3339.seconds(text) != nil {
                DocumentWords.time(text)
            } else if text.count == 10, DocumentWords.day(text) != text {
                DocumentWords.day(text)
            } else {
                text
            }
        case .array, .object: ""
        }
    }

    /// A field name in words: `startedOn` → "Started on".
    static func label(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase, !out.isEmpty {
                out += " " + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }
}
