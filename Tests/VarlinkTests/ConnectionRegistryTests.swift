import NIOCore
import NIOEmbedded
import Testing

@testable import Varlink

@Suite("Connection admission and idle connections")
struct ConnectionRegistryTests {
    /// What `open` says for the next connection after `held` connections (uid 1000 holds `ofUser` of them).
    struct Case: Sendable, CustomStringConvertible {
        var held: Int
        var ofUser: Int
        var privileged: Bool
        var refusal: ConnectionRegistry.Refusal?
        var description: String { "\(held) open, \(ofUser) of the user's, privileged \(privileged)" }
    }

    /// A connected channel, so that `isActive` tells whether the registry closed it.
    func connected() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    @Test(
        "Admission: total, slots kept for administrators, per-user cap",
        arguments: [
            Case(held: 0, ofUser: 0, privileged: false, refusal: nil),
            Case(held: 5, ofUser: 3, privileged: false, refusal: nil),
            Case(held: 7, ofUser: 0, privileged: false, refusal: .reservedForAdministrators(total: 10, reserved: 3)),
            Case(held: 7, ofUser: 0, privileged: true, refusal: nil),
            Case(held: 9, ofUser: 0, privileged: true, refusal: nil),
            Case(held: 10, ofUser: 0, privileged: true, refusal: .full(total: 10)),
            Case(held: 4, ofUser: 4, privileged: false, refusal: .userLimit(uid: 1000, limit: 4)),
            Case(held: 4, ofUser: 4, privileged: true, refusal: .userLimit(uid: 1000, limit: 4)),
        ]
    )
    func admission(_ test: Case) {
        let registry = ConnectionRegistry(total: 10, reserved: 3, perUser: 4)
        var channels: [EmbeddedChannel] = []
        for index in 0..<test.held {
            let channel = EmbeddedChannel()
            channels.append(channel)
            let uid: UInt32 = index < test.ofUser ? 1000 : 2000 + UInt32(index)
            #expect(registry.open(channel, uid: uid, privileged: true) == nil)
        }
        #expect(registry.open(EmbeddedChannel(), uid: 1000, privileged: test.privileged) == test.refusal)
    }

    @Test("A closed connection gives its slot back to its user") func slotReturned() {
        let registry = ConnectionRegistry(total: 10, reserved: 0, perUser: 1)
        let first = EmbeddedChannel()
        #expect(registry.open(first, uid: 7, privileged: false) == nil)
        #expect(registry.open(EmbeddedChannel(), uid: 7, privileged: false) == .userLimit(uid: 7, limit: 1))
        registry.close(first)
        #expect(registry.open(EmbeddedChannel(), uid: 7, privileged: false) == nil)
    }

    @Test("Only connections with no call in flight and no stream are idle") func idle() throws {
        let registry = ConnectionRegistry(total: 10, reserved: 0, perUser: 10)
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        let quiet = try connected()
        let busy = try connected()
        let watching = try connected()
        let recent = try connected()
        for (uid, channel) in [quiet, busy, watching, recent].enumerated() {
            #expect(registry.open(channel, uid: UInt32(uid), privileged: false, now: start) == nil)
        }
        #expect(registry.begin(busy))
        registry.streaming(watching, true, now: start)
        #expect(registry.end(recent, now: start + .seconds(50)))
        let closed = registry.closeIdle(timeout: .seconds(60), now: start + .seconds(61))
        #expect(closed == [0])
        #expect(!quiet.isActive)
        #expect(busy.isActive && watching.isActive && recent.isActive)
    }

    @Test("Draining refuses new connections and closes idle ones and streams, not calls in flight")
    func draining() throws {
        let registry = ConnectionRegistry(total: 10, reserved: 0, perUser: 10)
        let quiet = try connected()
        let busy = try connected()
        let watching = try connected()
        for (uid, channel) in [quiet, busy, watching].enumerated() {
            #expect(registry.open(channel, uid: UInt32(uid), privileged: false) == nil)
        }
        #expect(registry.begin(busy))
        registry.streaming(watching, true)
        registry.drain()
        #expect(!quiet.isActive && !watching.isActive)
        #expect(busy.isActive)
        #expect(registry.open(EmbeddedChannel(), uid: 9, privileged: true) == .draining)
        #expect(registry.closeAll() == 3)
        #expect(!busy.isActive)
    }
}
