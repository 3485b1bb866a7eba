import Foundation
import RiskCore
import RiskDaemon
import RiskProtocol
import RiskTestSupport
import Testing
import Varlink

@Suite("Daemon calls in process")
struct DaemonCallTests {
    @Test("Add, get, refuse a bad value without a trace") func addAndRefuse() async throws {
        try await TestDaemon.run { socket, daemon in
            try await blocking {
                let client = try VarlinkClient(path: socket)
                let added = try client.call(
                    RiskInterface.Add.self,
                    .init(
                        title: "Funding overlap with member organisations",
                        category: "financial",
                        likelihood: 4,
                        impact: 4
                    )
                )
                #expect(added.risk.id == 1)
                #expect(added.risk.severity == .high)
                #expect(added.risk.nextReviewDue == "2027-02-27")
                do {
                    _ = try client.call(
                        RiskInterface.Add.self,
                        .init(
                            title: "x",
                            category: "weather",
                            likelihood: 1,
                            impact: 1
                        )
                    )
                    Issue.record("accepted an unknown category")
                } catch VarlinkClientError.remote(let error) {
                    #expect(error.name == "org.riskd.risk.InvalidValue")
                    #expect(error.parameters["field"] == .string("category"))
                }
                let verify = try client.call(AuditInterface.Verify.self, .init())
                #expect(verify.ok && verify.entries == 1)
            }
            #expect(try await daemon.database.riskCount() == 1)
        }
    }

    @Test("Every method of every interface is implemented") func everyMethodImplemented() async throws {
        try await TestDaemon.run { socket, _ in
            try await blocking {
                let client = try VarlinkClient(path: socket)
                for definition in RiskdProtocol.interfaces {
                    for method in definition.methods.sorted() {
                        do {
                            _ = try client.callRaw("\(definition.name).\(method)", parameters: NoParameters())
                        } catch VarlinkClientError.remote(let error) {
                            #expect(
                                error.name != "org.varlink.service.MethodNotImplemented",
                                "\(definition.name).\(method)"
                            )
                            #expect(!error.name.hasSuffix(".InternalError"), "\(definition.name).\(method)")
                        }
                    }
                }
                let whoami = try client.call(DaemonInterface.Whoami.self, NoParameters())
                #expect(whoami.roles == ["admin", "mailer"])
            }
        }
    }
}

/// Runs blocking client code off the cooperative pool.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}
