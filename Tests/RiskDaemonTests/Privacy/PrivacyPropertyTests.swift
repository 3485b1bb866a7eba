import Foundation
import RiskProtocol
import Testing

/// The privacy property: whatever a caller does, what they can read is the same whether or not the register holds
/// their secrets: another member's sensitive declaration (for a caller who does not keep the register) and a
/// concern about the caller, open long enough for the review to raise `concern-open`.
///
/// Every method of the catalog (from the IDL) is called by every role, in catalog order, in two worlds that differ
/// only by those secrets; after each call the caller's reply and their views (daemon.Status, their export, the
/// board pack, the audit log, the concerns and findings they may list) must read the same in both. Ids and hashes
/// are compared as placeholders (`PrivacyComparison`): a record created in the test takes a later id in the world
/// with the secrets, and the audit chain's hashes cover entries the caller does not see. What cannot be hidden
/// is listed in `PrivacyComparison.residuals` with its reason, and in SECURITY.md.
@Suite("Privacy property", .serialized)
struct PrivacyPropertyTests {
    /// The views read after every call, as the caller.
    static let views: [(String, String)] = [
        ("org.riskd.daemon.Status", "{}"),
        ("org.riskd.member.Export", "{}"),
        ("org.riskd.report.Board", "{}"),
        ("org.riskd.audit.Log", #"{"limit":1000}"#),
        ("org.riskd.concern.List", "{}"),
        ("org.riskd.review.Findings", #"{"limit":1000}"#),
        ("org.riskd.interest.Register", "{}"),
    ]

    /// Every method of the protocol, from the generated catalog.
    static var methods: [String] {
        RiskdProtocol.interfaces.flatMap { interface in interface.methods.sorted().map { "\(interface.name).\($0)" } }
    }

    @Test("Every method of the catalog has parameters in the property test") func everyMethodCovered() {
        let missing = Self.methods.filter { PrivacyCalls.parameters[$0] == nil }
        #expect(missing.isEmpty, "no parameters for \(missing)")
        let unknown = Set(PrivacyCalls.parameters.keys).subtracting(Self.methods)
        #expect(unknown.isEmpty, "parameters for methods the catalog does not have: \(unknown.sorted())")
    }

    @Test(
        "A caller reads the same with and without their secrets",
        arguments: PrivacyUser.callers,
        [true, false]
    )
    func sameWithAndWithoutSecrets(caller: PrivacyUser, boardSeesRegister: Bool) async throws {
        let plain = try PrivacyWorld(boardSeesRegister: boardSeesRegister)
        let secret = try PrivacyWorld(boardSeesRegister: boardSeesRegister)
        for world in [plain, secret] { try await world.seedCommon(caller: caller) }
        try await secret.seedSecrets(caller: caller)
        for world in [plain, secret] { try await world.startReading() }
        var differences: [String] = []
        let calls =
            PrivacyCalls.probes
            + Self.methods.flatMap { method in
                (PrivacyCalls.parameters[method] ?? []).map { (method, $0) }
            }
        for (method, parameters) in calls {
            do {
                let call = "\(method) \(parameters)"
                let replies = (
                    await plain.call(method, parameters, as: caller), await secret.call(method, parameters, as: caller)
                )
                if let difference = PrivacyComparison.difference(replies.0, replies.1, method: method, caller: caller) {
                    differences.append("\(call): reply \(difference)")
                }
                for (view, viewParameters) in Self.views {
                    let read = (
                        await plain.call(view, viewParameters, as: caller),
                        await secret.call(view, viewParameters, as: caller)
                    )
                    if let difference = PrivacyComparison.difference(read.0, read.1, method: view, caller: caller) {
                        differences.append("\(call): then \(view) \(difference)")
                    }
                }
            }
        }
        let seesRegister = boardSeesRegister ? "board_sees_register" : "!board_sees_register"
        let report = differences.prefix(25).joined(separator: "\n")
        #expect(
            differences.isEmpty,
            "\(caller.name) (\(seesRegister)) learns of a secret in \(differences.count) places:\n\(report)"
        )
    }
}
