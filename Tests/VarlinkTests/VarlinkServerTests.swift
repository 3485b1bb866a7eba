import Foundation
import Testing
import Varlink

@Suite("Varlink server")
struct VarlinkServerTests {
    struct Text: Codable, Sendable, Equatable {
        var text: String
    }

    func reply(_ client: VarlinkClient) throws -> String {
        String(decoding: try client.readFrame(), as: UTF8.self)
    }

    @Test("GetInfo and GetInterfaceDescription serve the interface texts") func introspection() async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                let info = try client.callRaw("org.varlink.service.GetInfo", parameters: NoParameters()).parameters
                #expect(info["interfaces"] == .array([.string("org.varlink.service"), .string("org.example.test")]))
                let description = try client.callRaw(
                    "org.varlink.service.GetInterfaceDescription",
                    parameters: ["interface": "org.example.test"]
                ).parameters
                #expect(description["description"]?.stringValue == TestServer.interface)
            }
        }
    }

    @Test("A call runs on the event loop of its connection, without a hop to another thread")
    func onTheEventLoop() async throws {
        let place = try await TestServer.run { path in
            try await blocking {
                try VarlinkClient(path: path).callRaw("org.example.test.Where", parameters: NoParameters()).parameters
            }
        }
        #expect(place["onEventLoop"] == .bool(true))
    }

    @Test("Pipelined calls are answered one at a time, in call order, when some suspend and some do not")
    func pipelinedOrder() async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                var burst: [UInt8] = []
                for index in 0..<10 {
                    burst += Array(#"{"method":"org.example.test.Suspend","parameters":{"text":"s\#(index)"}}"#.utf8)
                    burst += [0]
                    burst += Array(#"{"method":"org.example.test.Echo","parameters":{"text":"e\#(index)"}}"#.utf8) + [0]
                }
                try client.writeAll(burst)
                for index in 0..<10 {
                    let suspended = try client.receive().decode(TestServer.Resumed.self)
                    #expect(suspended == TestServer.Resumed(text: "s\(index)", onEventLoop: true))
                    #expect(try client.receive().decode(Text.self) == Text(text: "e\(index)"))
                }
            }
        }
    }

    @Test(
        "Standard errors",
        arguments: [
            (
                #"{"method":"org.example.nope.Echo"}"#, "org.varlink.service.InterfaceNotFound", "interface",
                "org.example.nope"
            ),
            (
                #"{"method":"org.example.test.Nope"}"#, "org.varlink.service.MethodNotFound", "method",
                "org.example.test.Nope"
            ),
            (
                #"{"method":"org.example.test.Later"}"#, "org.varlink.service.MethodNotImplemented", "method",
                "org.example.test.Later"
            ),
            (#"{"method":"org.example.test.Echo"}"#, "org.varlink.service.InvalidParameter", "parameter", "text"),
            (
                #"{"method":"org.example.test.Echo","parameters":{"text":5}}"#, "org.varlink.service.InvalidParameter",
                "parameter", "text"
            ),
            (
                #"{"method":"org.example.test.Echo","parameters":{"text":"a","count":"2"}}"#,
                "org.varlink.service.InvalidParameter", "parameter", "count"
            ),
            (
                #"{"method":"org.example.test.Echo","parameters":{"text":"a"},"upgrade":true}"#,
                "org.varlink.service.InvalidParameter", "parameter", "upgrade"
            ),
            (#"{"method":"org.example.test.Count","parameters":{"to":2}}"#, "org.varlink.service.ExpectedMore", "", ""),
        ]
    )
    func errors(frame: String, name: String, key: String, value: String) async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                try client.sendFrame(Array(frame.utf8))
                do {
                    _ = try client.receive()
                    Issue.record("expected \(name)")
                } catch VarlinkClientError.remote(let error) {
                    #expect(error.name == name)
                    if !key.isEmpty { #expect(error.parameters[key] == .string(value)) }
                } catch {
                    Issue.record("unexpected \(error)")
                }
            }
        }
    }

    @Test(
        "Absent, null and empty parameters are the same",
        arguments: [
            #"{"method":"org.varlink.service.GetInfo"}"#,
            #"{"method":"org.varlink.service.GetInfo","parameters":null}"#,
            #"{"method":"org.varlink.service.GetInfo","parameters":{}}"#,
        ]
    )
    func emptyParameters(frame: String) async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                try client.sendFrame(Array(frame.utf8))
                #expect(try client.receive().parameters["vendor"] == .string("test"))
            }
        }
    }

    @Test("A frame split over several writes, and several frames in one write") func framing() async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                let frame = Array(#"{"method":"org.example.test.Echo","parameters":{"text":"ab"}}"#.utf8) + [0]
                for byte in frame {
                    try client.writeAll([byte])
                }
                #expect(try client.receive().decode(Text.self) == Text(text: "ab"))
                var burst: [UInt8] = []
                for index in 0..<20 {
                    burst += Array(#"{"method":"org.example.test.Echo","parameters":{"text":"\#(index)"}}"#.utf8) + [0]
                }
                try client.writeAll(burst)
                for index in 0..<20 {
                    #expect(try client.receive().decode(Text.self) == Text(text: "\(index)"))
                }
            }
        }
    }

    @Test("oneway gets no reply; more streams with continues") func onewayAndMore() async throws {
        try await TestServer.run { path in
            try await blocking {
                let client = try VarlinkClient(path: path)
                try client.send("org.example.test.Echo", parameters: Text(text: "quiet"), oneway: true)
                try client.send("org.example.test.Count", parameters: ["to": 3], more: true)
                let replies = try (0..<3).map { _ in try reply(client) }
                #expect(
                    replies == [
                        #"{"parameters":{"value":1},"continues":true}"#,
                        #"{"parameters":{"value":2},"continues":true}"#,
                        #"{"parameters":{"value":3}}"#,
                    ]
                )
                let echo = try client.callRaw("org.example.test.Echo", parameters: Text(text: "x"), more: true)
                #expect(!echo.continues)
                #expect(try echo.decode(Text.self) == Text(text: "x"))
            }
        }
    }

    @Test(
        "Bad frames close their connection only",
        arguments: [
            Array(#"[1,2]"#.utf8), Array(#""text""#.utf8), Array("42".utf8), Array(#"{"method":5}"#.utf8),
            Array(#"{"parameters":{}}"#.utf8), Array("{not json".utf8),
            Array(repeating: UInt8(ascii: "x"), count: 5000),
        ]
    )
    func badFrames(frame: [UInt8]) async throws {
        try await TestServer.run(maxMessageBytes: 4096) { path in
            try await blocking {
                let bystander = try VarlinkClient(path: path)
                let offender = try VarlinkClient(path: path)
                try offender.sendFrame(frame)
                #expect(throws: VarlinkClientError.self) { try offender.receive() }
                let answer = try bystander.callRaw("org.example.test.Echo", parameters: Text(text: "still here"))
                #expect(try answer.decode(Text.self) == Text(text: "still here"))
            }
        }
    }

    @Test("An oversized frame without its NUL closes the connection") func oversizedPartial() async throws {
        try await TestServer.run(maxMessageBytes: 4096) { path in
            try await blocking {
                let offender = try VarlinkClient(path: path)
                try offender.writeAll(Array(repeating: UInt8(ascii: " "), count: 10_000))
                #expect(throws: VarlinkClientError.self) { try offender.receive() }
            }
        }
    }

    @Test("A partial frame held past the timeout is closed; an idle connection is not") func frameTimeout() async throws
    {
        try await TestServer.run(frameTimeout: .milliseconds(300)) { path in
            try await blocking {
                let idle = try VarlinkClient(path: path)
                let slow = try VarlinkClient(path: path)
                try slow.writeAll(Array(#"{"method":"org.example"#.utf8))
                Thread.sleep(forTimeInterval: 0.8)
                #expect(throws: VarlinkClientError.self) { try slow.receive() }
                #expect(
                    try idle.callRaw("org.example.test.Echo", parameters: Text(text: "ok")).decode(Text.self)
                        == Text(text: "ok")
                )
            }
        }
    }

    @Test("Past max_connections a new connection is closed at once") func connectionLimit() async throws {
        try await TestServer.run(maxConnections: 2) { path in
            try await blocking {
                let first = try VarlinkClient(path: path)
                let second = try VarlinkClient(path: path)
                _ = try first.callRaw("org.example.test.Echo", parameters: Text(text: "1"))
                _ = try second.callRaw("org.example.test.Echo", parameters: Text(text: "2"))
                let third = try VarlinkClient(path: path)
                #expect(throws: VarlinkClientError.self) {
                    try third.callRaw("org.example.test.Echo", parameters: Text(text: "3"))
                }
                #expect(
                    try first.callRaw("org.example.test.Echo", parameters: Text(text: "1")).decode(Text.self)
                        == Text(text: "1")
                )
            }
        }
    }
}
