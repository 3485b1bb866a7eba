import RiskCore
import RiskDaemon
import Testing

@Suite("Roles from access lists")
struct RoleResolverTests {
    static let accounts: [UInt32: (UserDirectory.Account, Set<UInt32>)] = [
        0: (.init(name: "root", uid: 0, primaryGroup: 0, home: "/root"), [0]),
        990: (.init(name: "riskd", uid: 990, primaryGroup: 990, home: "/"), [990]),
        1001: (.init(name: "ana", uid: 1001, primaryGroup: 1001, home: "/home/ana"), [1001, 2001]),
        1002: (.init(name: "marko", uid: 1002, primaryGroup: 2000, home: "/home/marko"), [2000]),
        1003: (.init(name: "lejla", uid: 1003, primaryGroup: 1003, home: "/home/lejla"), [1003]),
    ]
    static let groups: [String: UInt32] = ["riskd-admin": 2000, "riskd-board": 2001]

    func resolver(rootIsAdmin: Bool = true) -> RoleResolver {
        var access = Configuration(paths: .system).access
        access.auditors = [.userName("lejla"), .userID(1004)]
        access.rootIsAdmin = rootIsAdmin
        return RoleResolver(
            access: access,
            daemonUID: 990,
            lookup: { uid in (Self.accounts[uid]?.0, Self.accounts[uid]?.1 ?? []) },
            groupID: { Self.groups[$0] }
        )
    }

    @Test(
        "Who holds which role",
        arguments: [
            (UInt32(0), "root", Set<Role>([.admin, .mailer])),
            (990, "riskd", [.admin, .mailer]),
            (1001, "ana", [.board]),
            (1002, "marko", [.admin]),
            (1003, "lejla", [.auditor]),
            (1004, "1004", [.auditor]),
            (1005, "1005", []),
        ] as [(UInt32, String, Set<Role>)]
    )
    func roles(uid: UInt32, user: String, roles: Set<Role>) {
        let caller = resolver().caller(uid: uid)
        #expect(caller.user == user)
        #expect(caller.roles == roles)
    }

    @Test("root_is_admin = false") func rootNotAdmin() {
        #expect(resolver(rootIsAdmin: false).caller(uid: 0).roles.isEmpty)
        #expect(resolver(rootIsAdmin: false).caller(uid: 990).roles.isEmpty)
    }

    @Test("Reloading the access lists takes effect at once") func reload() {
        let resolver = resolver()
        #expect(resolver.caller(uid: 1001).roles == [.board])
        var access = Configuration(paths: .system).access
        access.board = []
        resolver.reload(access)
        #expect(resolver.caller(uid: 1001).roles.isEmpty)
    }
}
