/// A class of peers (to riskd, a role) and the connection slots it is owed.
///
/// A share's `reserved` slots are kept for it: no peer of another share takes them while the share holds fewer
/// connections than that, so whatever the other shares do, its peers can connect. The slots no share keeps form a
/// pool that any share may draw on, unless a `ceiling` stops it there.
public struct ConnectionShare: Sendable, Hashable {
    /// Names the share's peers in a refusal ("board members"); also its key.
    public var name: String
    public var reserved: Int
    /// Most connections the share's peers hold together; `nil`: only the other shares' reserves bound it.
    public var ceiling: Int?

    public init(name: String, reserved: Int, ceiling: Int? = nil) {
        self.name = name
        self.reserved = max(reserved, 0)
        self.ceiling = ceiling
    }
}

/// The admission decision, as a pure function of what is open: the one place that says whether a connection may
/// be served. `ConnectionRegistry` keeps the counts and asks it under its lock.
///
/// A connection of share S by uid U is refused, in this order, when:
/// 1. the server is draining;
/// 2. `total` connections are open;
/// 3. S already holds its ceiling;
/// 4. admitting it would leave fewer free slots than the other shares' unused reserves (the sum, over every other
///    share, of what it is owed and does not hold);
/// 5. U already holds `perUser` connections.
///
/// With reserves summing to at most `total`, every share can always reach its reserve: the free slots never drop
/// below the unused reserves, since rule 4 keeps them there on admission and a close frees a slot for every slot of
/// reserve it gives back.
struct ConnectionAdmission: Sendable, Hashable {
    /// What is open when a connection asks to be admitted.
    struct Occupancy: Sendable, Hashable {
        var open: Int
        /// Connections held, by share name (absent: none).
        var byShare: [String: Int] = [:]
        /// Connections held by the asking uid.
        var ofUser: Int = 0
    }

    let total: Int
    let perUser: Int
    let shares: [ConnectionShare]

    init(total: Int, perUser: Int, shares: [ConnectionShare]) {
        self.total = total
        self.perUser = perUser
        self.shares = shares
    }

    /// Why a connection of `share` by `uid` may not be served with `occupancy` open, or `nil` to admit it. A share
    /// name that is not among `shares` has no reserve and no ceiling.
    func refusal(share: String, uid: UInt32, occupancy: Occupancy, draining: Bool = false) -> Refusal? {
        if draining { return .draining }
        if occupancy.open >= total { return .full(total: total) }
        let held = occupancy.byShare[share, default: 0]
        if let own = shares.first(where: { $0.name == share }), let ceiling = own.ceiling, held >= ceiling {
            return .shareFull(share: share, ceiling: ceiling)
        }
        let owed = shares.filter { $0.name != share }.compactMap { other -> (String, Int)? in
            let unused = other.reserved - occupancy.byShare[other.name, default: 0]
            return unused > 0 ? (other.name, unused) : nil
        }
        let kept = owed.reduce(0) { $0 + $1.1 }
        if total - occupancy.open - 1 < kept {
            return .keptForOthers(open: occupancy.open, total: total, shares: owed.map(\.0))
        }
        if occupancy.ofUser >= perUser { return .userLimit(uid: uid, limit: perUser) }
        return nil
    }

    /// Why a connection was not admitted.
    enum Refusal: Sendable, Hashable, CustomStringConvertible {
        case draining
        case full(total: Int)
        case shareFull(share: String, ceiling: Int)
        /// The free slots are owed to these shares.
        case keptForOthers(open: Int, total: Int, shares: [String])
        case userLimit(uid: UInt32, limit: Int)

        var description: String {
            switch self {
            case .draining: "the server is shutting down"
            case .full(let total): "\(total) connections are open"
            case .shareFull(let share, let ceiling): "\(share) already hold \(ceiling) connections, their share"
            case .keptForOthers(let open, let total, let shares):
                "\(open) of \(total) connections are open; the rest are kept for \(shares.joined(separator: ", "))"
            case .userLimit(let uid, let limit): "uid \(uid) already has \(limit) connections open"
            }
        }
    }
}
