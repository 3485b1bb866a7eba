import Foundation
import Testing
import Varlink

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

    @Test("Errors name the parameter by path", arguments: [
        (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":"x"}]}}"#, "risks[1].likelihood"),
        (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{}]}}"#, "risks[1].likelihood"),
        (#"{"method":"m","parameters":{"risks":[{"likelihood":1,"kind":"boat"}]}}"#, "risks[0].kind"),
        (#"{"method":"m","parameters":{"risks":{}}}"#, "risks"),
        (#"{"method":"m","parameters":{}}"#, "risks"),
        (#"{"method":"m","parameters":[]}"#, "parameters"),
        (#"{"method":"m","parameters":{"risks":[{"likelihood":1.5}]}}"#, "risks[0].likelihood"),
        (#"{"method":"m","parameters":{"risks":[{"likelihood":1},{"likelihood":1e30}]}}"#, "risks[1].likelihood"),
    ])
    func paths(frame: String, parameter: String) {
        let call = VarlinkCall(method: "m", peer: Self.peer, frame: Data(frame.utf8))
        #expect(throws: VarlinkError.invalidParameter(parameter)) { try call.decodeParameters(Import.self) }
    }

    @Test func decodes() throws {
        let frame = #"{"method":"m","parameters":{"risks":[{"likelihood":3,"kind":"family"},{"likelihood":4}]}}"#
        let call = VarlinkCall(method: "m", peer: Self.peer, frame: Data(frame.utf8))
        let value = try call.decodeParameters(Import.self)
        #expect(value.risks.map(\.likelihood) == [3, 4])
        #expect(value.risks[0].kind == .family)
    }

    @Test("IDL member names", arguments: [
        ("method Echo(text: string) -> (text: string)", Set(["Echo"])),
        ("method  Spaced ( ) -> ()", Set(["Spaced"])),
        ("# method Commented() -> ()", Set<String>()),
    ])
    func members(line: String, methods: Set<String>) throws {
        let definition = try #require(VarlinkInterfaceDefinition(text: "interface org.example.x\n\(line)\n"))
        #expect(definition.methods == methods)
        #expect(definition.name == "org.example.x")
    }
}
