import Testing

@testable import riskctl

@Suite("--host takes [USER@]HOST[:PORT] as systemctl -H does, and gives ssh nothing it could read as an option")
struct SSHDestinationTests {
    /// Destinations and their user, host and port.
    static let accepted: [(String, String?, String, Int?)] = [
        ("server", nil, "server", nil),
        ("ana@server", "ana", "server", nil),
        ("ana@server:2222", "ana", "server", 2222),
        ("server:22", nil, "server", 22),
        ("board.udruga.example", nil, "board.udruga.example", nil),
        ("192.0.2.7:65535", nil, "192.0.2.7", 65535),
        ("[::1]:2222", nil, "::1", 2222),
        ("ana@[::1]:2222", "ana", "::1", 2222),
        ("[2001:db8::7]", nil, "2001:db8::7", nil),
        ("ana@::1", "ana", "::1", nil),
        ("2001:db8::7", nil, "2001:db8::7", nil),
        ("ana.b@x@server", "ana.b@x", "server", nil),
    ]

    @Test("User, host and port", arguments: accepted)
    func parse(text: String, user: String?, host: String, port: Int?) throws {
        let destination = try SSHDestination(text)
        #expect(destination.user == user)
        #expect(destination.host == host)
        #expect(destination.port == port)
        #expect(destination.text == text)
    }

    /// Destinations refused, and a word their refusal has.
    static let refused: [(String, String)] = [
        ("", "no host"),
        ("ana@", "no host"),
        ("@server", "no user name"),
        ("server:", "port ''"),
        ("server:0", "port '0'"),
        ("server:65536", "port '65536'"),
        ("server:ssh", "port 'ssh'"),
        ("server:+22", "port '+22'"),
        ("[::1", "no ]"),
        ("[::1]2222", "expected :PORT"),
        ("[]:22", "no host"),
        ("-oProxyCommand=sh", "starts with '-'"),
        ("-l@server", "starts with '-'"),
        ("ana@-server", "starts with '-'"),
        ("ana@ser ver", "blank"),
        ("ana\n@server", "control"),
    ]

    @Test("Malformed destinations are refused with the reason", arguments: refused)
    func refusal(text: String, reason: String) {
        #expect {
            try SSHDestination(text)
        } throws: { error in
            (error as? SSHDestination.Refusal)?.description.contains(reason) == true
        }
    }

    @Test("ssh gets the user and port as options and the host after --")
    func arguments() throws {
        #expect(try SSHDestination("ana@[::1]:2222").sshArguments == ["-l", "ana", "-p", "2222", "--", "::1"])
        #expect(try SSHDestination("server").sshArguments == ["--", "server"])
        let command = SSHChannel.arguments(command: ["ssh", "-i", "key"], destination: try SSHDestination("ana@s"))
        #expect(command.prefix(3) == ["ssh", "-i", "key"])
        #expect(Array(command.suffix(6)) == ["-l", "ana", "--", "s", "riskctl", "bridge"])
    }

    @Test("--host, then $RISKD_HOST unless --socket, then the socket; $RISKD_SSH split without a shell")
    func endpoint() throws {
        let environment = ["RISKD_HOST": "ana@server", "RISKD_SSH": "ssh -i '/keys/my key' -F none"]
        let server = try SSHDestination("ana@server")
        #expect(
            try Endpoint.select(host: nil, socket: nil, environment: environment)
                == .host(server, command: ["ssh", "-i", "/keys/my key", "-F", "none"])
        )
        #expect(
            try Endpoint.select(host: "marko@other:2222", socket: nil, environment: [:])
                == .host(try SSHDestination("marko@other:2222"), command: ["ssh"])
        )
        #expect(
            try Endpoint.select(host: nil, socket: "/tmp/r.sock", environment: environment) == .socket("/tmp/r.sock")
        )
        #expect(try Endpoint.select(host: nil, socket: nil, environment: ["RISKD_SOCKET": "/s"]) == .socket("/s"))
        #expect(throws: RiskctlError.self) { try Endpoint.select(host: "server", socket: "/s", environment: [:]) }
        #expect(throws: RiskctlError.self) { try Endpoint.select(host: "-oX", socket: nil, environment: [:]) }
        #expect(throws: RiskctlError.self) {
            try Endpoint.select(host: "server", socket: nil, environment: ["RISKD_SSH": "ssh; rm"])
        }
        let usage = try? Endpoint.select(host: "server:x", socket: nil, environment: [:])
        #expect(usage == nil)
    }
}
