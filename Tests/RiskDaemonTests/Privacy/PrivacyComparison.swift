import Foundation

/// How two replies are compared: as JSON, with ids and hashes replaced by placeholders and HTML compared as text
/// with its hashes and ids masked the same way.
enum PrivacyComparison {
    /// Keys whose values are ids, sequence numbers, cursors or hashes. Records shared by both worlds have the same
    /// ids (the secrets are made last); records the caller creates take later ids where the secrets exist, and
    /// every audit hash after the secrets differs.
    static let placeholderKeys: Set<String> = ["id", "seq", "next", "hash", "head", "auditHead", "sha256", "path"]

    /// Differences that cannot be hidden from a role, each with its reason (SECURITY.md, "What the privacy
    /// property does not cover"): `method` read by `caller`, and the keys that may differ.
    static let residuals: [String: Set<String>] = [
        // The chain is verified whole: its length counts entries the caller may not read (not what they are).
        "org.riskd.audit.Verify pt-admin": ["entries"],
        "org.riskd.audit.Verify pt-auditor": ["entries"],
        "org.riskd.audit.Verify pt-chair": ["entries"],
        // A backup is a copy of the whole database, for an administrator to keep, not to read.
        "org.riskd.daemon.Backup pt-admin": ["bytes"],
        "org.riskd.daemon.Backup pt-chair": ["bytes"],
        // A meeting's revision counts every change, a recusal from a declaration the reader may not see too.
        "org.riskd.meeting.Get pt-board": ["revision"],
        "org.riskd.meeting.List pt-board": ["revision"],
        // A review run's totals count every finding it raised, resolved and alerted, those about the reader too.
        "org.riskd.review.Run pt-admin": ["open", "raised", "resolved", "alerted"],
        "org.riskd.review.Run pt-chair": ["open", "raised", "resolved", "alerted"],
        "org.riskd.review.Runs pt-admin": ["open", "raised", "resolved", "alerted"],
        "org.riskd.review.Runs pt-auditor": ["open", "raised", "resolved", "alerted"],
        "org.riskd.review.Runs pt-chair": ["open", "raised", "resolved", "alerted"],
    ]

    /// Where `plain` and `secret` differ once normalized, described for a person; `nil` when they read the same.
    static func difference(_ plain: String, _ secret: String, method: String, caller: PrivacyUser) -> String? {
        let ignored = residuals["\(method) \(caller.name)"] ?? []
        let left = normalized(plain, ignoring: ignored)
        let right = normalized(secret, ignoring: ignored)
        guard left != right else { return nil }
        return firstDifference(left, right)
    }

    static func normalized(_ json: String, ignoring: Set<String>) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        else { return json }
        let clean = normalize(object, ignoring: ignoring)
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: clean,
                options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]
            )
        else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private static func normalize(_ value: Any, ignoring: Set<String>) -> Any {
        switch value {
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, inner) in object {
                if ignoring.contains(key) {
                    result[key] = "<residual>"
                } else if key == "subject", let subject = inner as? String {
                    result[key] = subject.replacingOccurrences(
                        of: ":[0-9]+$",
                        with: ":<id>",
                        options: .regularExpression
                    )
                } else if placeholderKeys.contains(key) || key.hasSuffix("Id") {
                    result[key] = inner is NSNull ? inner : "<id>"
                } else {
                    result[key] = normalize(inner, ignoring: ignoring)
                }
            }
            return result
        case let array as [Any]:
            return array.filter { !isWithheldEntry($0) }.map { normalize($0, ignoring: ignoring) }
        case let text as String: return masked(text)
        default: return value
        }
    }

    /// Whether `value` is an entry of the register of interests that withholds a sensitive declaration: by
    /// design the register says that a member holds one, and since when (SECURITY.md); nothing more.
    static func isWithheldEntry(_ value: Any) -> Bool {
        (value as? [String: Any])?["kind"] as? String == "withheld"
    }

    /// `text` with hashes and record numbers (R-1, C-3) replaced, and the pack's rows of withheld declarations
    /// left out (`isWithheldEntry`): the pack prints the audit head, and records the caller creates are numbered
    /// after the secrets.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9a-f]{64}", with: "<hash>", options: .regularExpression)
            .replacingOccurrences(of: "\\b([A-Z])-[0-9]+\\b", with: "$1-<id>", options: .regularExpression)
            .replacingOccurrences(
                of: "<tr><td>[^<]*</td><td colspan=\"5\" class=\"withheld\">withheld</td></tr>\n",
                with: "",
                options: .regularExpression
            )
            // A recusal is minuted, withheld: the member is seen to step out, never why (SECURITY.md).
            .replacingOccurrences(
                of: "- \\*\\*[^*]+\\*\\*: a private interest[^\n]*\n",
                with: "",
                options: .regularExpression
            )
            .replacingOccurrences(
                of: "[a-z-]+: <span class=\"withheld\">withheld</span>[^<]*<br>",
                with: "",
                options: .regularExpression
            )
            .replacingOccurrences(of: "\n[ \t]*(?=\n)", with: "", options: .regularExpression)
    }

    /// The first place two normalized texts differ, with some context of each.
    private static func firstDifference(_ left: String, _ right: String) -> String {
        let l = Array(left.utf8)
        let r = Array(right.utf8)
        var index = 0
        while index < min(l.count, r.count), l[index] == r[index] { index += 1 }
        let start = max(0, index - 120)
        func excerpt(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[min(start, bytes.count)..<min(bytes.count, index + 120)], as: UTF8.self)
        }
        return "differs at byte \(index):\n  without: …\(excerpt(l))…\n  with:    …\(excerpt(r))…"
    }
}
