import Foundation
import RiskCore
import RiskDaemon
import RiskProtocol
import RiskTestSupport
import Testing
import Varlink

@Suite("org.riskd.ethics in process")
struct EthicsServiceTests {
    /// The code's text and its SHA-256 (from `sha256sum`), and the SHA-256 of another text.
    static let body = "Budi pošten.\nDeclare every interest.\n"
    static let bodyHash = "7136d70a21650945e0b416658d609c65fffb4fd25fb8b7d7212742386d94c2d3"
    static let otherHash = "4895ecc6f0c011072af486ea30a1239caa1b297fb61ecaca8ac94d9c2071be22"

    /// The error reply of a call that must fail.
    static func refusal<M: VarlinkMethod>(
        _ client: VarlinkClient,
        _ method: M.Type,
        _ parameters: M.Parameters
    )
        -> VarlinkError?
    {
        do {
            _ = try client.call(method, parameters)
            Issue.record("\(M.qualifiedName) succeeded")
            return nil
        } catch VarlinkClientError.remote(let error) {
            return error
        } catch {
            Issue.record("\(M.qualifiedName) failed with \(error)")
            return nil
        }
    }

    @Test("Publish, read, acknowledge; each refusal by its name, with nothing recorded") func lifecycle() async throws {
        let configure: (inout Configuration) -> Void = {
            $0.access.board = [.userName("ana"), .userName("ivan")]
        }
        try await TestDaemon.run(configure: configure) { socket, _ in
            try await blocking {
                let client = try VarlinkClient(path: socket)
                #expect(try client.call(EthicsInterface.Current.self, NoParameters()).code == nil)
                let empty = try client.call(EthicsInterface.Status.self, NoParameters())
                #expect(empty.version == nil && empty.acknowledged.isEmpty && empty.pending.isEmpty)

                let one = try client.call(
                    EthicsInterface.Publish.self,
                    .init(title: "Code of Ethics", body: Self.body)
                ).code
                #expect(one.version == 1 && one.sha256 == Self.bodyHash && one.body == Self.body)
                #expect(try client.call(EthicsInterface.Current.self, NoParameters()).code == one)
                #expect(try client.call(EthicsInterface.Get.self, .init(version: 1)).code == one)

                let empties = Self.refusal(client, EthicsInterface.Publish.self, .init(title: " ", body: "text"))
                #expect(empties?.name == "org.riskd.ethics.InvalidValue")
                #expect(empties?.parameters["field"] == .string("title"))
                let missing = Self.refusal(client, EthicsInterface.Get.self, .init(version: 9))
                #expect(
                    missing
                        == VarlinkError(
                            name: "org.riskd.ethics.NoSuchVersion",
                            parameters: ["version": .int(9)]
                        )
                )
                let wrong = Self.refusal(
                    client,
                    EthicsInterface.Acknowledge.self,
                    .init(version: 1, sha256: Self.otherHash)
                )
                #expect(wrong == VarlinkError(name: "org.riskd.ethics.HashMismatch", parameters: ["version": .int(1)]))
                let malformed = Self.refusal(client, EthicsInterface.Acknowledge.self, .init(version: 1, sha256: "x"))
                #expect(malformed?.name == "org.riskd.ethics.InvalidValue")
                #expect(malformed?.parameters["field"] == .string("sha256"))
                #expect(try client.call(AuditInterface.Verify.self, .init()).entries == 1)

                let acknowledged = try client.call(
                    EthicsInterface.Acknowledge.self,
                    .init(version: 1, sha256: one.sha256)
                ).acknowledgement
                #expect(acknowledged.version == 1 && acknowledged.sha256 == one.sha256)
                #expect(acknowledged.acknowledgedAt == "2026-11-29T06:00:00Z")

                let two = try client.call(EthicsInterface.Publish.self, .init(title: "Code of Ethics", body: "v2")).code
                #expect(two.version == 2)
                let stale = Self.refusal(
                    client,
                    EthicsInterface.Acknowledge.self,
                    .init(version: 1, sha256: one.sha256)
                )
                #expect(
                    stale
                        == VarlinkError(
                            name: "org.riskd.ethics.NotCurrent",
                            parameters: ["version": .int(1), "current": .int(2)]
                        )
                )
                let versions = try client.call(EthicsInterface.Versions.self, NoParameters()).codes
                #expect(versions.map(\.version) == [1, 2] && versions.map(\.sha256) == [one.sha256, two.sha256])
                let status = try client.call(EthicsInterface.Status.self, NoParameters())
                #expect(status.version == 2 && status.acknowledged.isEmpty && status.pending == ["ana", "ivan"])
                #expect(try client.call(AuditInterface.Verify.self, .init()).entries == 3)
            }
        }
    }
}
