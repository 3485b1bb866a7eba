import Testing

@testable import riskctl

/// Issue 23: a socket that refuses a user says who it is open to, the key that decides it, and what to run.
@Suite("Why the socket refused you")
struct SocketAccessTests {
    static func access(
        path: String = "/run/riskd/riskd.sock",
        mode: UInt32 = 0o660,
        group: String = "riskd-users",
        inGroupNow: Bool = false,
        listedInGroup: Bool = false
    ) -> SocketAccess {
        SocketAccess(
            path: path,
            mode: mode,
            owner: "root",
            group: group,
            user: "ana",
            inGroupNow: inGroupNow,
            listedInGroup: listedInGroup
        )
    }

    @Test(
        "Each case names what decides it",
        arguments: [
            (
                access(),
                "it is open to group riskd-users (socket_group in /etc/riskd/riskd.toml): ask the administrator to "
                    + "run `usermod -aG riskd-users ana`, then log in again"
            ),
            (
                access(path: "/tmp/x/riskd.sock"),
                "it is open to group riskd-users (socket_group in the riskd.toml riskd was started with): ask the "
                    + "administrator to run `usermod -aG riskd-users ana`, then log in again"
            ),
            (
                access(listedInGroup: true),
                "it is open to group riskd-users, which you joined after this login began: log in again (or run "
                    + "`newgrp riskd-users`)"
            ),
            (
                access(mode: 0o600),
                "the socket (mode 0600, socket_mode in /etc/riskd/riskd.toml) is open only to root: ask the "
                    + "administrator to set socket_mode = \"0660\" and socket_group to a group of the people who "
                    + "use riskd"
            ),
            (
                access(group: "root"),
                "it is open to root alone (socket_group unset in /etc/riskd/riskd.toml, so riskd's own group): ask "
                    + "the administrator to set socket_group to a group of the people who use riskd, or "
                    + "socket_mode = \"0666\" to let [access] alone decide"
            ),
        ]
    )
    func explanation(access: SocketAccess, expected: String) {
        #expect(access.explanation == expected)
    }
}
