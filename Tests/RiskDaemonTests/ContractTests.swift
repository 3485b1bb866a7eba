import Foundation
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

    @Test("The org.riskd interfaces are the IDL files, named after them, in the order of the files")
    func interfaces() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RiskProtocol/IDL")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".varlink") }.sorted()
        #expect(!files.isEmpty)
        #expect(RiskdProtocol.interfaces.map { $0.name + ".varlink" } == files)
        #expect(ProtocolInterface.allCases.map(\.rawValue) == RiskdProtocol.interfaces.map(\.name))
    }

    @Test("Every interface declares InvalidValue and InternalError, which any method may need to send")
    func declaredErrors() {
        for definition in RiskdProtocol.interfaces {
            #expect(definition.errors.isSuperset(of: ["InvalidValue", "InternalError"]), "\(definition.name)")
        }
    }
}
