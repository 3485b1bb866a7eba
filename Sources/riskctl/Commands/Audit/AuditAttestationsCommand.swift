import ArgumentParser
import RiskProtocol
import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `riskctl audit attestations`: the signed confirmations and acknowledgements, checkable with OpenSSH alone.
struct AuditAttestationsCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "attestations",
        abstract: "List the signed confirmations and acknowledgements, or export them for ssh-keygen -Y verify.",
        discussion: """
            With --export DIR, riskctl writes into DIR (created if need be) an OpenSSH allowed_signers file with \
            every key that signed, removed since or not, and for each attestation N the exact statement signed, \
            N.statement, and its signature, N.sig, plus a README with the command that checks each, e.g. \
            ssh-keygen -Y verify -f allowed_signers -I ana -n riskd -s 1.sig < 1.statement. The check trusts \
            neither riskd nor the server, only the keys: compare allowed_signers with the members' own keys. \
            \(AuditInterface.Attestations.policy.needsSentence) A board member gets their own.
            """
    )

    /// Only this member's.
    @Option(name: .customLong("user"), help: ArgumentHelp("Only this member's attestations.", valueName: "user"))
    var user: String?

    /// Where to write the files.
    @Option(name: .customLong("export"), help: ArgumentHelp("Write the files into this directory.", valueName: "dir"))
    var export: String?

    /// The options every command takes.
    @OptionGroup var options: GlobalOptions

    /// Lists or exports.
    func run() throws {
        let answer = try options.connect().call(AuditInterface.Attestations.self, .init(user: user))
        let reply = try answer.decoded()
        if let export {
            try write(reply, into: export)
        }
        try options.show(answer) { reply in
            if let export {
                let count = reply.attestations.count
                return Output.line(
                    "Wrote \(count) \(count == 1 ? "attestation" : "attestations") and allowed_signers to \(export)."
                )
            }
            var table = Table([
                .init(title: "N", alignment: .right), .init(title: "KIND"), .init(title: "USER"), .init(title: "AT"),
                .init(title: "KEY"),
            ])
            for (index, attestation) in reply.attestations.enumerated() {
                table.append([
                    .init(String(index + 1)), .init(Self.words(attestation.kind)), .init(attestation.user),
                    .init(attestation.at), .init(attestation.fingerprint),
                ])
            }
            let count = reply.attestations.count
            table.print(
                legend: "\(count) signed \(count == 1 ? "attestation" : "attestations") listed.",
                options: options
            )
        }
    }

    /// The kind as people read it.
    static func words(_ kind: AuditInterface.Attestation.Kind) -> String {
        switch kind {
        case .interest_confirmation: "confirmation of declarations"
        case .code_acknowledgement: "acknowledgement of the code"
        }
    }

    /// The command that checks attestation `number` of `user` in the exported directory.
    static func check(_ number: Int, user: String) -> String {
        "ssh-keygen -Y verify -f allowed_signers -I \(user) -n riskd -s \(number).sig < \(number).statement"
    }

    private func write(_ reply: AuditInterface.Attestations.Reply, into directory: String) throws {
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw RiskctlError.unwritable("cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        func put(_ name: String, _ text: String) throws {
            try OutputFileOptions.write(Data(text.utf8), to: "\(directory)/\(name)", mode: 0o600)
        }
        try put("allowed_signers", reply.allowedSigners)
        var readme = [
            "Signed attestations exported by riskctl audit attestations. Check each with OpenSSH alone:", "",
        ]
        for (index, attestation) in reply.attestations.enumerated() {
            try put("\(index + 1).statement", attestation.statement)
            try put("\(index + 1).sig", attestation.signature)
            readme.append(Self.check(index + 1, user: attestation.user))
        }
        try put("README", readme.joined(separator: "\n") + "\n")
    }
}
