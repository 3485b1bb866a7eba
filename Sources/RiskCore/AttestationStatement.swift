/// The exact text a member attests by signing a confirmation or an acknowledgement with their own SSH key.
///
/// The text is a function of the register and the day only, so riskd can make it again when the signed
/// confirmation arrives and compare: a signature over a statement made before the register changed (an interest
/// declared, updated or ended, the name changed, a new code published) or on another day no longer matches, and a
/// year-old signature cannot be sent again because the date is in the text. It names each declaration by id,
/// revision, kind, organisation and dates, never by its free text (description, value), which riskd may erase:
/// a statement is kept for as long as the attestation.
public enum AttestationStatement {
    /// The namespace signatures are made for (`ssh-keygen -Y sign -n riskd`), so no signature made for
    /// something else (a git commit, a file) counts here.
    public static let namespace = "riskd"

    /// The statement of a confirmation that `user`'s register of interests is complete on `day`.
    ///
    /// - Parameter interests: the member's interests active on `day`, any order.
    public static func interestConfirmation(
        user: String,
        name: String?,
        interests: [Interest],
        nothingToDeclare: Bool,
        day: CalendarDate
    ) -> String {
        var lines = header("confirmation of declarations of interests", user: user, name: name, day: day)
        if nothingToDeclare || interests.isEmpty {
            lines.append("I confirm that I have nothing to declare: I hold no interest that my register should list.")
        } else {
            lines.append("I confirm that my register of interests is complete. It lists these \(interests.count):")
            for interest in interests.sorted(by: { $0.id < $1.id }) {
                let ended = interest.endedOn.map { ", until \($0)" } ?? ""
                lines.append(
                    "- I-\(interest.id) (revision \(interest.revision)): \(interest.kind.rawValue), "
                        + "\(interest.organisation.quotedForStatement), since \(interest.startedOn)\(ended)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The statement of an acknowledgement that `user` read `code` on `day`.
    public static func codeAcknowledgement(user: String, name: String?, code: EthicsCode, day: CalendarDate) -> String {
        var lines = header("acknowledgement of the ethical code", user: user, name: name, day: day)
        lines.append("I have read version \(code.version) of the ethical code, \(code.title.quotedForStatement),")
        lines.append("whose text has the SHA-256 \(code.sha256), and I will abide by it.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(_ what: String, user: String, name: String?, day: CalendarDate) -> [String] {
        [
            "riskd attestation: \(what)",
            "Member: \(user)" + (name.map { " (\($0.quotedForStatement))" } ?? ""),
            "Date: \(day)",
            "",
        ]
    }
}

extension String {
    /// The text in double quotes on one line: a quote or a line end inside cannot change what the statement says.
    fileprivate var quotedForStatement: String {
        let escaped = self.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case _ where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}":
                "\\u{\(String(scalar.value, radix: 16))}"
            default: String(scalar)
            }
        }
        return "\"" + escaped.joined() + "\""
    }
}
