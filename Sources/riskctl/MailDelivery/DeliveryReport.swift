/// A bounce: a delivery status notification (RFC 3464) saying that the MTA could not deliver a mail it had accepted,
/// read from one message of the deliverer's mailbox.
///
/// Pure, so that it can be tested on real notifications (Tests/RiskctlTests/Fixtures). Only what postfix writes is
/// promised: a `multipart/report; report-type=delivery-status` whose `message/delivery-status` part has a
/// recipient with `Action: failed`, and whose returned message (`message/rfc822` or `text/rfc822-headers`, or their
/// `global` forms) has a Message-ID. Anything else, a delay warning or a success notice included, is not a bounce.
/// A part in base64 or quoted-printable is not decoded: postfix writes its notifications in 7bit or 8bit.
struct DeliveryReport: Equatable {
    /// The Message-ID of the returned mail, without the angle brackets.
    var messageID: String
    /// Each failed recipient with its Status and Diagnostic-Code: `ana@localhost: 5.1.1 unknown user: "ana"`.
    var reason: String

    /// The bounce in `message` (one message of an mbox, its `From ` line included or not); `nil` when it is none.
    init?(_ message: [UInt8]) {
        let text = String(decoding: message, as: UTF8.self).replacingCRLF()
        guard let (headers, body) = MIMEPart.split(text, skippingMboxLine: true),
            let type = MIMEPart.contentType(headers), type.value == "multipart/report",
            type.parameters["report-type"]?.lowercased() == "delivery-status",
            let boundary = type.parameters["boundary"], !boundary.isEmpty
        else { return nil }
        var failed: [String] = []
        var messageID: String?
        for part in MIMEPart.parts(of: body, boundary: boundary) {
            guard let (partHeaders, partBody) = MIMEPart.split(part, skippingMboxLine: false) else { continue }
            switch MIMEPart.contentType(partHeaders)?.value {
            case "message/delivery-status", "message/global-delivery-status":
                failed += Self.failedRecipients(partBody)
            case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                let returned = MIMEPart.split(partBody, skippingMboxLine: false)?.headers ?? MIMEPart.headers(partBody)
                messageID = MIMEPart.value("message-id", in: returned).flatMap(Self.bare)
            default:
                continue
            }
        }
        guard let messageID, !failed.isEmpty else { return nil }
        self.messageID = messageID
        self.reason = Self.clipped(failed.joined(separator: "; ").singleLine)
    }

    /// The recipients the notification says failed, each as `recipient: status diagnostic`.
    static func failedRecipients(_ body: String) -> [String] {
        // The first group of fields is about the message, each further one about a recipient (RFC 3464, 2.1).
        let groups = body.split(separator: "\n\n").dropFirst().map { MIMEPart.headers(String($0)) }
        return groups.compactMap { fields in
            guard MIMEPart.value("action", in: fields)?.lowercased() == "failed" else { return nil }
            let recipient = MIMEPart.value("final-recipient", in: fields).map(Self.typed) ?? "a recipient"
            let words = [
                MIMEPart.value("status", in: fields), MIMEPart.value("diagnostic-code", in: fields).map(Self.typed),
            ]
            let said = words.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return said.isEmpty ? recipient : "\(recipient): \(said)"
        }
    }

    /// `rfc822; ana@localhost` or `X-Postfix; unknown user` without its type.
    static func typed(_ field: String) -> String {
        guard let semicolon = field.firstIndex(of: ";") else { return field }
        return String(field[field.index(after: semicolon)...]).trimmingWhitespace()
    }

    /// The longest reason `mail.Bounced` takes, in characters.
    static let longestReason = 1000

    /// `text`, cut with `…` to `longestReason` Unicode scalars (never fewer than the characters riskd counts).
    static func clipped(_ text: String) -> String {
        guard text.unicodeScalars.count > longestReason else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(longestReason - 1))) + "…"
    }

    /// A Message-ID without its angle brackets; `nil` when there is none between them.
    static func bare(_ field: String) -> String? {
        var id = field.trimmingWhitespace()
        if id.hasPrefix("<"), let end = id.firstIndex(of: ">") { id = String(id[id.index(after: id.startIndex)..<end]) }
        return id.isEmpty || id.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) ? nil : id
    }
}

/// The bits of MIME (RFC 2045, 2046) a delivery status notification needs, on text with LF line ends.
enum MIMEPart {
    /// The header fields and the body of `text`; `nil` when it has no blank line ending its header.
    static func split(_ text: String, skippingMboxLine: Bool) -> (headers: [(String, String)], body: String)? {
        var text = Substring(text)
        if skippingMboxLine, text.hasPrefix("From "), let end = text.firstIndex(of: "\n") {
            text = text[text.index(after: end)...]
        }
        guard let blank = text.firstRange(of: "\n\n") else { return nil }
        return (headers(String(text[..<blank.lowerBound])), String(text[blank.upperBound...]))
    }

    /// Header fields, names lowercased, folded lines joined.
    static func headers(_ text: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == " " || line.first == "\t" {
                guard !fields.isEmpty else { continue }
                fields[fields.count - 1].1 += " " + String(line).trimmingWhitespace()
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon]).trimmingWhitespace().lowercased()
                fields.append((name, String(line[line.index(after: colon)...]).trimmingWhitespace()))
            }
        }
        return fields
    }

    /// The first field called `name` (lowercase).
    static func value(_ name: String, in fields: [(String, String)]) -> String? {
        fields.first { $0.0 == name }?.1
    }

    /// The media type (lowercased) and its parameters (names lowercased, quotes removed).
    static func contentType(_ fields: [(String, String)]) -> (value: String, parameters: [String: String])? {
        guard let field = value("content-type", in: fields) else { return nil }
        let pieces = field.split(separator: ";").map { String($0).trimmingWhitespace() }
        guard let type = pieces.first, !type.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var value = String(piece[piece.index(after: equals)...]).trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            parameters[String(piece[..<equals]).trimmingWhitespace().lowercased()] = value
        }
        return (type.lowercased(), parameters)
    }

    /// The body parts of a multipart body: what lies between its `--boundary` lines, up to `--boundary--`.
    static func parts(of body: String, boundary: String) -> [String] {
        var parts: [String] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed == "--" + boundary + "--" {
                if let current { parts.append(current.joined(separator: "\n")) }
                return parts
            }
            if trimmed == "--" + boundary {
                if let current { parts.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current?.append(line)
            }
        }
        if let current { parts.append(current.joined(separator: "\n")) }
        return parts
    }
}

extension String {
    /// The text with CR LF line ends made LF.
    fileprivate func replacingCRLF() -> String {
        contains("\r\n") ? split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n") : self
    }
}
