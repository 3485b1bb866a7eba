import RiskCore
import RiskProtocol
import Testing
import Varlink

@testable import RiskDaemon

/// ErrorMapping builds only errors the called interface declares.
@Suite("Errors by interface")
struct ErrorMappingTests {
    @Test(
        "Every mapped error is declared by the interface called, or is org.varlink.service's",
        arguments: [
            DomainError.invalidValue("f", "r"), .notFound(.risk, id: 1), .notFound(.action, id: 1),
            .notFound(.organisation, id: 1), .notFound(.interest, id: 1), .notFound(.codeVersion, id: 1),
            .notFound(.finding, id: 1), .notFound(.member, key: "ana"), .revisionMismatch(.risk, id: 1, current: 2),
            .duplicateName("OSF", id: 1), .permissionDenied, .notCurrent(version: 1, current: 2),
            .hashMismatch(version: 1),
        ]
    )
    func declared(error: DomainError) {
        for interface in ProtocolInterface.allCases {
            let definition = RiskdProtocol.interfaces.first { $0.name == interface.rawValue }
            let sent = ErrorMapping.map(error, interface: interface) ?? ErrorMapping.internalError(interface)
            let parts = sent.name.split(separator: ".")
            let owner = parts.dropLast().joined(separator: ".")
            let member = String(parts.last ?? "")
            let declared =
                owner == "org.varlink.service"
                || (owner == interface.rawValue && definition?.errors.contains(member) == true)
            #expect(declared, "\(interface.rawValue) would send \(sent.name)")
        }
    }
}
