/// Where `--host` points: `[USER@]HOST[:PORT]`, as `systemctl -H` takes it; an IPv6 address with a port is written
/// in brackets (`[::1]:2222`), one without a port may be written bare (`ana@::1`).
struct SSHDestination: Equatable {
    /// The login on the host; `nil` lets ssh choose (its configuration, else the local user's name).
    var user: String?
    /// The host name or address, without brackets.
    var host: String
    /// The port; `nil` lets ssh choose.
    var port: Int?
    /// The destination as it was written, for messages.
    var text: String

    /// Why a destination was refused; `description` is one line for the user.
    struct Refusal: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses `text`.
    init(_ text: String) throws(Refusal) {
        self.text = text
        var rest = Substring(text)
        if let at = rest.lastIndex(of: "@") {
            let user = String(rest[..<at])
            guard !user.isEmpty else { throw Refusal(description: "no user name before @ in '\(text)'") }
            try Self.check(user, as: "user name", in: text)
            self.user = user
            rest = rest[rest.index(after: at)...]
        }
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw Refusal(description: "no ] after the address in '\(text)'")
            }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw Refusal(description: "expected :PORT after ] in '\(text)'")
                }
                portText = after.dropFirst()
            }
        } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)  // a name, or a bare IPv6 address (more than one colon): no port
        }
        guard !host.isEmpty else { throw Refusal(description: "no host in '\(text)'") }
        try Self.check(host, as: "host", in: text)
        if let portText {
            let digits = portText.allSatisfy { ("0"..."9").contains($0) }
            guard digits, let port = Int(portText), (1...65535).contains(port) else {
                throw Refusal(description: "port '\(portText)' in '\(text)' is not a number from 1 to 65535")
            }
            self.port = port
        }
    }

    /// Refuses a part ssh would read as an option, or one with blanks or control characters in it.
    private static func check(_ part: String, as what: String, in text: String) throws(Refusal) {
        if part.hasPrefix("-") {
            throw Refusal(description: "the \(what) in '\(text)' starts with '-'")
        }
        if part.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7f }) {
            throw Refusal(description: "the \(what) in '\(text)' has a blank or control character in it")
        }
    }

    /// ssh's arguments that name this destination: `-l USER` and `-p PORT` when given, then the host after `--`.
    var sshArguments: [String] {
        var arguments: [String] = []
        if let user { arguments += ["-l", user] }
        if let port { arguments += ["-p", String(port)] }
        return arguments + ["--", host]
    }
}
