import RiskCore
import RiskProtocol
import Testing
import Varlink

@Suite("The contract")
struct ContractTests {
    @Test("Every method of every interface has a row in the permission table, and nothing else does") func table() {
        let declared = Set(RiskdProtocol.interfaces.flatMap { definition in
            definition.methods.map { "\(definition.name).\($0)" }
        })
        #expect(declared == Permissions.methods)
    }

    @Test("Eight org.riskd interfaces, named after their files") func interfaces() {
        #expect(RiskdProtocol.interfaces.map(\.name) == [
            "org.riskd.daemon", "org.riskd.risk", "org.riskd.organisation", "org.riskd.interest", "org.riskd.ethics",
            "org.riskd.member", "org.riskd.review", "org.riskd.audit",
        ])
    }
}
