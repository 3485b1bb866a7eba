import Foundation
import NIOPosix
import RiskCore
import RiskProtocol
import Testing

@testable import RiskDaemon
@testable import Varlink

/// A method's `work` (`MethodWork`, from the `# Work:` line of its IDL) is the one thing that decides where it runs:
/// `.short` on the event loop that serves the connection, `.long` on Swift's global executor, so that a review
/// run or an import never holds up the other connections of its loop.
@Suite("Where methods run")
struct MethodPlacementTests {
    struct Placement: Codable, Sendable {
        var onEventLoop: Bool
    }

    enum ShortProbe: VarlinkMethod {
        typealias Parameters = NoParameters
        typealias Reply = Placement
        static let interface = "org.example.probe"
        static let name = "Short"
    }

    enum LongProbe: VarlinkMethod {
        typealias Parameters = NoParameters
        typealias Reply = Placement
        static let interface = "org.example.probe"
        static let name = "Long"
        static let work = MethodWork.long
    }

    @Test("Short methods stay on the connection's event loop") func short() async throws {
        #expect(try await Self.runsOnEventLoop(ShortProbe.self))
    }

    @Test("Long methods leave it") func long() async throws {
        #expect(try await !Self.runsOnEventLoop(LongProbe.self))
    }

    @Test(
        "A generated method's work is its Work: line, short without one",
        arguments: [
            (InterestInterface.Import.work, MethodWork.long), (RiskInterface.Import.work, .long),
            (OrganisationInterface.Import.work, .long), (ReviewInterface.Run.work, .long),
            (ReviewInterface.Preview.work, .long), (AuditInterface.Verify.work, .long),
            (RiskInterface.Matrix.work, .long), (InterestInterface.Check.work, .long),
            (DaemonInterface.Backup.work, .long), (RiskInterface.Get.work, .short), (RiskInterface.Add.work, .short),
            (InterestInterface.Declare.work, .short),
        ]
    )
    func generated(work: MethodWork, expected: MethodWork) {
        #expect(work == expected)
    }

    /// Binds `M` in a table, calls it from an event loop and tells whether its body ran on one.
    private static func runsOnEventLoop<M: VarlinkMethod>(_ method: M.Type) async throws -> Bool
    where M.Parameters == NoParameters, M.Reply == Placement {
        var table = MethodTable()
        table.on(M.self) { _, _ in
            Placement(onEventLoop: MultiThreadedEventLoopGroup.currentEventLoop != nil)
        }
        let body = try #require(table.bodies[M.qualifiedName])
        let call = VarlinkCall(
            method: M.qualifiedName,
            peer: PeerCredentials(uid: 0, gid: 0, pid: 1),
            frame: Data("{}".utf8)
        )
        let now = Instant(secondsSinceEpoch: 1_795_900_000)
        let request = Request(
            caller: Caller(user: "root", uid: 0, roles: [.admin]),
            access: .allowed,
            method: M.qualifiedName,
            now: now,
            today: now.utcDate
        )
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let response = try await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            try await body(call, request)
        }
        guard case .reply(let parameters) = response else {
            Issue.record("expected a reply, got \(response)")
            return false
        }
        return try JSONDecoder().decode(Placement.self, from: Data(parameters)).onEventLoop
    }
}
