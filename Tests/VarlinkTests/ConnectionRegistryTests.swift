import NIOCore
import NIOEmbedded
import Testing

@testable import Varlink

/// 10 slots: 2 kept for administrators ("admin"), 3 for board members, 1 for auditors, and 1 for users with no
/// role ("none"), who may hold no more; 3 in the pool; 4 per uid.
let tenSlots = ConnectionAdmission(
    total: 10,
    perUser: 4,
    shares: [
        ConnectionShare(name: "admin", reserved: 2),
        ConnectionShare(name: "board", reserved: 3),
        ConnectionShare(name: "audit", reserved: 1),
        ConnectionShare(name: "none", reserved: 1, ceiling: 1),
    ]
)

@Suite("Connection admission and idle connections")
struct ConnectionRegistryTests {
    /// A connected channel, so that `isActive` tells whether the registry closed it.
    func connected() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    /// What `refusal` says for the next connection of `share`, with `held` connections open by share.
    struct Case: Sendable, CustomStringConvertible {
        var share: String
        var held: [String: Int] = [:]
        var ofUser = 0
        var draining = false
        var refusal: ConnectionAdmission.Refusal?
        var description: String { "\(share) with \(held.sorted { $0.key < $1.key }) open, \(ofUser) of the uid's" }
    }

    @Test(
        "Admission: total, per-uid cap, slots kept per share, ceiling of a share",
        arguments: [
            Case(share: "board", refusal: nil),
            Case(share: "board", draining: true, refusal: .draining),
            Case(share: "admin", held: ["board": 8, "admin": 2], refusal: .full(total: 10)),
            Case(share: "board", ofUser: 4, refusal: .userLimit(uid: 1000, limit: 4)),
            // Users with no role: one connection, however many uids they have.
            Case(share: "none", held: ["none": 1], refusal: .shareFull(share: "none", ceiling: 1)),
            // Auditors take their slot and the pool of 3, not a slot kept for another share.
            Case(share: "audit", held: ["audit": 3], refusal: nil),
            Case(share: "audit", held: ["audit": 4], refusal: .kept(4, ["admin", "board", "none"])),
            // ... and whatever auditors and users with no role hold, board members and administrators get in.
            Case(share: "board", held: ["audit": 4, "none": 1], refusal: nil),
            Case(share: "admin", held: ["audit": 4, "none": 1, "board": 3], refusal: nil),
            // Board members who took the pool leave the other shares their slots.
            Case(share: "board", held: ["board": 6], refusal: .kept(6, ["admin", "audit", "none"])),
            Case(share: "audit", held: ["board": 6], refusal: nil),
            Case(share: "none", held: ["board": 6, "audit": 1], refusal: nil),
            Case(share: "admin", held: ["board": 6, "admin": 1], refusal: nil),
            // Administrators past their own slots draw on the pool like anyone else.
            Case(share: "admin", held: ["board": 6, "admin": 2], refusal: .kept(8, ["audit", "none"])),
            // A peer of no share has no slot kept for it.
            Case(share: "", held: ["": 3], refusal: .kept(3, ["admin", "board", "audit", "none"])),
        ]
    )
    func admission(_ test: Case) {
        let occupancy = ConnectionAdmission.Occupancy(
            open: test.held.values.reduce(0, +),
            byShare: test.held,
            ofUser: test.ofUser
        )
        let refusal = tenSlots.refusal(
            share: test.share,
            uid: 1000,
            occupancy: occupancy,
            draining: test.draining
        )
        #expect(refusal == test.refusal)
    }

    @Test(
        "Whatever the other shares take, one uid at a time, a share still gets its reserve",
        arguments: tenSlots.shares
    )
    func reserveHolds(_ share: ConnectionShare) {
        let registry = ConnectionRegistry(total: 10, perUser: 4, shares: tenSlots.shares)
        var uid: UInt32 = 1
        // Every other share, and peers of none, opens connections from fresh uids until it is refused.
        for other in tenSlots.shares + [ConnectionShare(name: "", reserved: 0)] where other != share {
            while registry.open(EmbeddedChannel(), uid: uid, share: other.name) == nil { uid += 1 }
            uid += 1
        }
        for number in 0..<share.reserved {
            #expect(registry.open(EmbeddedChannel(), uid: 5000 + UInt32(number), share: share.name) == nil)
        }
    }

    @Test("The registry counts each share, and gives its slots back on close") func sharesCounted() {
        let shares = [ConnectionShare(name: "admins", reserved: 2), ConnectionShare(name: "guests", reserved: 1)]
        let registry = ConnectionRegistry(total: 4, perUser: 4, shares: shares)
        let guest = EmbeddedChannel()
        #expect(registry.open(guest, uid: 1, share: "guests") == nil)
        #expect(registry.open(EmbeddedChannel(), uid: 1, share: "guests") == nil)
        #expect(
            registry.open(EmbeddedChannel(), uid: 1, share: "guests")
                == .keptForOthers(open: 2, total: 4, shares: ["admins"])
        )
        #expect(registry.open(EmbeddedChannel(), uid: 0, share: "admins") == nil)
        registry.close(guest)
        #expect(registry.open(EmbeddedChannel(), uid: 2, share: "guests") == nil)
        #expect(registry.open(EmbeddedChannel(), uid: 0, share: "admins") == nil)
        #expect(registry.open(EmbeddedChannel(), uid: 0, share: "admins") == .full(total: 4))
    }

    @Test("A closed connection gives its slot back to its user") func slotReturned() {
        let registry = ConnectionRegistry(total: 10, perUser: 1)
        let first = EmbeddedChannel()
        #expect(registry.open(first, uid: 7, share: "") == nil)
        #expect(registry.open(EmbeddedChannel(), uid: 7, share: "") == .userLimit(uid: 7, limit: 1))
        registry.close(first)
        #expect(registry.open(EmbeddedChannel(), uid: 7, share: "") == nil)
    }

    @Test("Only connections with no call in flight and no stream are idle") func idle() throws {
        let registry = ConnectionRegistry(total: 10, perUser: 10)
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        let quiet = try connected()
        let busy = try connected()
        let watching = try connected()
        let recent = try connected()
        for (uid, channel) in [quiet, busy, watching, recent].enumerated() {
            #expect(registry.open(channel, uid: UInt32(uid), share: "", now: start) == nil)
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
        let registry = ConnectionRegistry(total: 10, perUser: 10)
        let quiet = try connected()
        let busy = try connected()
        let watching = try connected()
        for (uid, channel) in [quiet, busy, watching].enumerated() {
            #expect(registry.open(channel, uid: UInt32(uid), share: "") == nil)
        }
        #expect(registry.begin(busy))
        registry.streaming(watching, true)
        registry.drain()
        #expect(!quiet.isActive && !watching.isActive)
        #expect(busy.isActive)
        #expect(registry.open(EmbeddedChannel(), uid: 9, share: "") == .draining)
        #expect(registry.closeAll() == 3)
        #expect(!busy.isActive)
    }
}

extension ConnectionAdmission.Refusal {
    /// `open` of the table's 10 slots are open; the rest are kept for `shares`.
    static func kept(_ open: Int, _ shares: [String]) -> Self {
        .keptForOthers(open: open, total: 10, shares: shares)
    }
}
