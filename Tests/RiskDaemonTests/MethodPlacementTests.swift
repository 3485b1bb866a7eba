import Foundation
import NIOPosix
import RiskCore
import Testing

@testable import RiskDaemon
@testable import Varlink

/// `MethodTable.Work` is the one place that decides where a method runs: `.short` on the event loop the
/// connection's task runs on, `.long` on Swift's global executor, so that a review run or an import never holds
/// up the other connections of its loop.
@Suite("Where methods run")
struct MethodPlacementTests {
    enum Probe: VarlinkMethod {
        typealias Parameters = NoParameters
        struct Reply: Codable, Sendable {
            var onEventLoop: Bool
        }

        static let interface = "org.example.probe"
        static let name = "Probe"
    }

    @Test(
        "Short methods stay on the connection's event loop; long ones leave it",
        arguments: [
            (MethodTable.Work.short, true), (.long, false),
        ]
    )
    func placement(work: MethodTable.Work, onEventLoop: Bool) async throws {
        var table = MethodTable()
        table.on(Probe.self, work: work) { _, _ in
            .init(onEventLoop: MultiThreadedEventLoopGroup.currentEventLoop != nil)
        }
        let body = try #require(table.bodies[Probe.qualifiedName])
        let call = VarlinkCall(
            method: Probe.qualifiedName,
            peer: PeerCredentials(uid: 0, gid: 0, pid: 1),
            frame: Data("{}".utf8)
        )
        let now = Instant(secondsSinceEpoch: 1_795_900_000)
        let request = Request(
            caller: Caller(user: "root", uid: 0, roles: [.admin]),
            access: .allowed,
            method: Probe.qualifiedName,
            now: now,
            today: now.utcDate
        )
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let response = try await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            try await body(call, request)
        }
        guard case .reply(let parameters) = response else {
            Issue.record("expected a reply, got \(response)")
            return
        }
        #expect(try JSONDecoder().decode(Probe.Reply.self, from: Data(parameters)).onEventLoop == onEventLoop)
    }
}
