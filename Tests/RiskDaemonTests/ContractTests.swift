import RiskCore
import RiskProtocol
import Testing
import Varlink

@Suite("The contract")
struct ContractTests {
    @Test("Every method of every interface has a policy from its Roles: line, and nothing else does") func table() {
        let declared = Set(
            RiskdProtocol.interfaces.flatMap { definition in
                definition.methods.map { "\(definition.name).\($0)" }
            }
        )
        #expect(declared == Set(ProtocolCatalog.policies.keys))
    }

    @Test("Twelve org.riskd interfaces, named after their files, in the order of the files") func interfaces() {
        #expect(
            RiskdProtocol.interfaces.map(\.name) == [
                "org.riskd.audit", "org.riskd.concern", "org.riskd.daemon", "org.riskd.ethics", "org.riskd.interest",
                "org.riskd.mail", "org.riskd.meeting", "org.riskd.member", "org.riskd.organisation", "org.riskd.report",
                "org.riskd.review", "org.riskd.risk",
            ]
        )
    }

    @Test("Every interface declares InvalidValue and InternalError, which any method may need to send")
    func declaredErrors() {
        for definition in RiskdProtocol.interfaces {
            #expect(definition.errors.isSuperset(of: ["InvalidValue", "InternalError"]), "\(definition.name)")
        }
    }
}
