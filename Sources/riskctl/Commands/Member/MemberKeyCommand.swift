import ArgumentParser
import RiskProtocol
import Varlink

/// `riskctl member key`: the public SSH keys a member signs confirmations and acknowledgements with.
struct MemberKeyCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Register, list and remove the SSH keys you sign confirmations with.",
        discussion: """
            A board member registers the public half of their own SSH key (ssh-ed25519, ecdsa-sha2-nistp256, or \
            ssh-rsa of 2048 bits or more); interest confirm --sign and ethics ack --sign then sign with it, and \
            riskd accepts only signatures by a key registered to the signer. A board member manages only their \
            own keys; an admin anyone's (--user), an auditor may list them. A removed key signs nothing more; what \
            it signed still verifies (audit attestations).
            """,
        subcommands: [MemberKeyAddCommand.self, MemberKeyListCommand.self, MemberKeyRemoveCommand.self]
    )

    /// Prints one key as riskctl shows it after adding or removing it.
    static func line(_ key: MemberInterface.Key, _ verb: String, user: String?) -> String {
        let type = key.publicKey.split(separator: " ").first.map(String.init) ?? "key"
        return "\(verb) \(type) key \(key.fingerprint)\(user.map { " of \($0)" } ?? "")."
    }
}

/// `riskctl member key add FILE.pub`.
struct MemberKeyAddCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a public SSH key (a .pub file) to sign with."
    )

    /// The `.pub` file.
    @Argument(help: ArgumentHelp("The public key file, e.g. ~/.ssh/id_ed25519.pub.", valueName: "file.pub"))
    var file: String

    /// Whose key it is.
    @Option(name: .customLong("user"), help: ArgumentHelp("The member (admins only; default: you).", valueName: "user"))
    var user: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Reads the file and registers the key.
    func run() throws {
        let text = try InputFile.text(at: file)
        let lines = text.split(whereSeparator: \.isNewline).filter { !String($0).trimmingWhitespace().isEmpty }
        guard lines.count == 1, let line = lines.first else {
            throw RiskctlError.invalidInput("\(file): a public key file holds one line, TYPE BASE64 [COMMENT]")
        }
        let answer = try options.connect().call(
            MemberInterface.AddKey.self,
            .init(user: user, publicKey: String(line))
        )
        try options.show(answer) { reply in
            Output.line(MemberKeyCommand.line(reply.key, "Registered", user: user))
        }
    }
}

/// `riskctl member key list`.
struct MemberKeyListCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a member's registered keys.")

    /// Whose keys.
    @Option(
        name: .customLong("user"),
        help: ArgumentHelp("The member (admins and auditors; default: you).", valueName: "user")
    )
    var user: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Prints a table of the keys.
    func run() throws {
        let answer = try options.connect().call(MemberInterface.Keys.self, .init(user: user))
        try options.show(answer) { reply in
            let keys = reply.keys
            var table = Table([
                .init(title: "FINGERPRINT"), .init(title: "TYPE"), .init(title: "ADDED"), .init(title: "BY"),
            ])
            for key in keys {
                let type = key.publicKey.split(separator: " ").first.map(String.init) ?? ""
                table.append([.init(key.fingerprint), .init(type), .init(key.addedAt), .init(key.addedBy)])
            }
            table.print(legend: "\(keys.count) \(keys.count == 1 ? "key" : "keys") listed.", options: options)
        }
    }
}

/// `riskctl member key remove FINGERPRINT`.
struct MemberKeyRemoveCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a registered key; what it signed still verifies."
    )

    /// The key's fingerprint.
    @Argument(
        help: ArgumentHelp("The key's fingerprint, SHA256:…, as member key list shows it.", valueName: "fingerprint")
    )
    var fingerprint: String

    /// Whose key it is.
    @Option(name: .customLong("user"), help: ArgumentHelp("The member (admins only; default: you).", valueName: "user"))
    var user: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Removes the key.
    func run() throws {
        let answer = try options.connect().call(
            MemberInterface.RemoveKey.self,
            .init(user: user, fingerprint: fingerprint)
        )
        try options.show(answer) { reply in
            Output.line(MemberKeyCommand.line(reply.key, "Removed", user: user))
        }
    }
}
