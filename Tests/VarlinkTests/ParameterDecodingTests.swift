import Foundation
import NIOCore
import Testing

@testable import Varlink

@Suite("Parameter decoding")
struct ParameterDecodingTests {
    struct Row: Codable, Sendable {
        var likelihood: Int
        var kind: Kind?
    }

    enum Kind: String, Codable, Sendable {
        case financial, family
    }

    struct Import: Codable, Sendable {
        var risks: [Row]
    }

    static let peer = PeerCredentials(uid: 0, gid: 0, pid: 0)

    @Test(
        "Errors name the parameter by path",
        arguments: [
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":"x"}]}}"#, "risks[1].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{}]}}"#, "risks[1].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1,"kind":"boat"}]}}"#, "risks[0].kind"),
            (#"{"method":"m","parameters":{"risks":{}}}"#, "risks"),
            (#"{"method":"m","parameters":{}}"#, "risks"),
            (#"{"method":"m","parameters":[]}"#, "parameters"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1.5}]}}"#, "risks[0].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":1e30}]}}"#, "risks[1].likelihood"),
        ]
    )
    func paths(frame: String, parameter: String) {
        let call = VarlinkCall(method: "m", peer: Self.peer, frame: Data(frame.utf8))
        #expect(throws: VarlinkError.invalidParameter(parameter)) { try call.decodeParameters(Import.self) }
    }

    /// The call as the server reads it: header and parameters from one parse of the frame.
    static func served(_ frame: String) throws -> VarlinkCall {
        guard case .call(let call) = VarlinkServer.parseCall(ByteBuffer(string: frame), peer: peer) else {
            throw VarlinkError.invalidParameter("frame")
        }
        return call
    }

    @Test(
        "A served call names the same parameter from its one parse",
        arguments: [
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":"x"}]}}"#, "risks[1].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{}]}}"#, "risks[1].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1,"kind":"boat"}]}}"#, "risks[0].kind"),
            (#"{"method":"m","parameters":{"risks":{}}}"#, "risks"),
            (#"{"method":"m","parameters":{}}"#, "risks"),
            (#"{"method":"m"}"#, "risks"),
            (#"{"method":"m","parameters":null}"#, "risks"),
            (#"{"method":"m","parameters":[]}"#, "parameters"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1.5}]}}"#, "risks[0].likelihood"),
            (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":1e30}]}}"#, "risks[1].likelihood"),
        ]
    )
    func servedPaths(frame: String, parameter: String) throws {
        let call = try Self.served(frame)
        #expect(throws: VarlinkError.invalidParameter(parameter)) { try call.decodeParameters(Import.self) }
    }

    @Test("A served call decodes its parameters, and absent or null ones as {}") func servedDecodes() throws {
        let call = try Self.served(
            #"{"parameters":{"risks":[{"likelihood":3,"kind":"family"}]},"more":true,"method":"m"}"#
        )
        #expect(call.method == "m" && call.more && !call.oneway)
        #expect(try call.decodeParameters(Import.self).risks.map(\.kind) == [.family])
        for frame in [#"{"method":"m"}"#, #"{"method":"m","parameters":null}"#] {
            #expect(try Self.served(frame).decodeParameters(Optionals.self) == Optionals())
        }
    }

    struct Optionals: Codable, Sendable, Equatable {
        var limit: Int?
    }

    @Test func decodes() throws {
        let frame = #"{"method":"m","parameters":{"risks":[{"likelihood":3,"kind":"family"},{"likelihood":4}]}}"#
        let call = VarlinkCall(method: "m", peer: Self.peer, frame: Data(frame.utf8))
        let value = try call.decodeParameters(Import.self)
        #expect(value.risks.map(\.likelihood) == [3, 4])
        #expect(value.risks[0].kind == .family)
    }

    @Test(
        "IDL member names",
        arguments: [
            ("method Echo(text: string) -> (text: string)", Set(["Echo"])),
            ("method  Spaced ( ) -> ()", Set(["Spaced"])),
            ("# method Commented() -> ()", Set<String>()),
        ]
    )
    func members(line: String, methods: Set<String>) throws {
        let definition = try #require(VarlinkInterfaceDefinition(text: "interface org.example.x\n\(line)\n"))
        #expect(definition.methods == methods)
        #expect(definition.name == "org.example.x")
    }
}
