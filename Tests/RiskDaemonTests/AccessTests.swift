import RiskCore
import Testing

@testable import RiskDaemon

/// What the dispatcher allows, from the generated policies (each method's `Roles:` line in the IDL).
@Suite("Access from the Roles: lines")
struct AccessTests {
    @Test(
        "The role table",
        arguments: [
            ("org.riskd.daemon.Whoami", Set<Role>(), Access.allowed),
            ("org.riskd.daemon.Status", [], .denied),
            ("org.riskd.risk.List", [], .denied),
            ("org.riskd.risk.List", [.board], .allowed),
            ("org.riskd.risk.Add", [.board], .denied),
            ("org.riskd.risk.Add", [.auditor], .denied),
            ("org.riskd.risk.Add", [.admin], .allowed),
            ("org.riskd.risk.Review", [.board], .ownRecords),
            ("org.riskd.risk.Review", [.board, .admin], .allowed),
            ("org.riskd.risk.UpdateAction", [.auditor], .denied),
            ("org.riskd.daemon.Backup", [.board, .auditor], .denied),
            ("org.riskd.interest.Declare", [.admin], .denied),
            ("org.riskd.interest.Declare", [.board], .ownRecords),
            ("org.riskd.interest.List", [.board], .ownRecords),
            ("org.riskd.interest.List", [.auditor], .allowed),
            ("org.riskd.interest.Check", [.auditor], .denied),
            ("org.riskd.ethics.Acknowledge", [.auditor], .allowed),
            ("org.riskd.ethics.Status", [.board], .denied),
            ("org.riskd.member.Get", [.board], .ownRecords),
            ("org.riskd.review.Findings", [.auditor], .allowed),
            ("org.riskd.review.Run", [.auditor], .denied),
            ("org.riskd.audit.Verify", [.board], .denied),
            ("org.riskd.audit.Verify", [.auditor], .allowed),
            ("org.riskd.risk.DoesNotExist", [.admin], .denied),
        ] as [(String, Set<Role>, Access)]
    )
    func access(method: String, roles: Set<Role>, expected: Access) {
        #expect(Dispatcher.access(to: method, roles: roles) == expected)
    }
}
