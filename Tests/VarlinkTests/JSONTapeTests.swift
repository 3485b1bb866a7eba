import Foundation
import NIOCore
import Testing

@testable import Varlink

@Suite("Reading calls from a JSON tape")
struct JSONTapeTests {
    struct Risk: Codable, Sendable, Equatable {
        var title: String
        var likelihood: Int
        var score: Double?
        var kind: Kind?
        var tags: [String]?
        var seen: [String: NoParameters]?
        var extra: JSONValue?
        var open: Bool?
    }

    enum Kind: String, Codable, Sendable {
        case financial, family
    }

    struct Import: Codable, Sendable, Equatable {
        var risks: [Risk]
        var note: String?
    }

    /// What Foundation decodes from `json`, or `nil` when it throws.
    static func foundation<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// What the tape decodes from `json`: `nil` when it refuses the text or leaves the value to Foundation.
    static func tape<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        guard let tape = JSONTape.parse(Array(json.utf8)) else { return nil }
        return TapeDecoding.decode(T.self, from: tape, at: 0)
    }

    @Test(
        "What the tape decodes, Foundation decodes the same",
        arguments: [
            #"{"risks":[]}"#,
            #"{"risks":[{"title":"a","likelihood":3}],"note":null}"#,
            #" { "risks" : [ { "likelihood" : -42 , "title" : "" , "kind" : "family" } ] } "#,
            #"{"risks":[{"title":"caf\u00e9 \"quoted\" \\ \/ \b\f\n\r\t","likelihood":0}]}"#,
            #"{"risks":[{"title":"\ud83d\ude00 😀 é","likelihood":9223372036854775807}]}"#,
            #"{"risks":[{"title":"x","likelihood":-9223372036854775808,"score":2.5e-3}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"score":12,"open":true,"tags":["a","b"]}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"seen":{"a":{},"b":{"ignored":1}}}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"extra":{"a":[1,"b",null,true,{"c":false}]}}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"unknown":[1,{"deep":[[]]}]}],"other":0}"#,
            #"{"risks":[{"title":"x","likelihood":1,"score":0.0,"open":false}]}"#,
        ]
    )
    func agrees(json: String) throws {
        let decoded = try #require(Self.tape(Import.self, json))
        #expect(decoded == Self.foundation(Import.self, json))
    }

    @Test(
        "A value Foundation might read otherwise, or not at all, is left to it",
        arguments: [
            #"{"risks":[{"title":"x","likelihood":1.0}]}"#,
            #"{"risks":[{"title":"x","likelihood":1e2}]}"#,
            #"{"risks":[{"title":"x","likelihood":9223372036854775808}]}"#,
            #"{"risks":[{"title":"x","likelihood":-0}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"score":1e400}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"score":1e-400}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"extra":2.5}]}"#,
            #"{"risks":[{"title":"x","likelihood":"1"}]}"#,
            #"{"risks":[{"title":"x"}]}"#,
            #"{"risks":[{"title":"x","likelihood":1,"kind":"boat"}]}"#,
            #"{"risks":{}}"#,
            #"[]"#,
        ]
    )
    func leftToFoundation(json: String) {
        #expect(Self.tape(Import.self, json) == nil)
    }

    @Test("An object of more members than the tape walks is left to Foundation") func largeObject() throws {
        func members(_ count: Int) -> String {
            (0..<count).map { #""k\#($0)":{}"# }.joined(separator: ",")
        }
        let fits = "{\(members(TapeDecoding.maxMembers))}"
        let decoded = try #require(Self.tape([String: NoParameters].self, fits))
        #expect(decoded.count == TapeDecoding.maxMembers)
        #expect(decoded == Self.foundation([String: NoParameters].self, fits))
        #expect(Self.tape([String: NoParameters].self, "{\(members(TapeDecoding.maxMembers + 1))}") == nil)
    }

    @Test(
        "Texts the tape refuses to read",
        arguments: [
            #"{"a":1,"a":2}"#,
            #"{"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1,"k8":1,"k9":1,"k1":1}"#,
            #"{"\u0061":1}"#,
            #"{"a":"\ud800"}"#,
            #"{"a":"\udc00\ud800"}"#,
            #"{"a":"\u0000"}"#,
            #"{"a":"\x"}"#,
            #"{"a":"\u12g4"}"#,
            "{\"a\":\"\u{1}\"}",
            #"{"a":01}"#,
            #"{"a":1.}"#,
            #"{"a":.5}"#,
            #"{"a":1e}"#,
            #"{"a":+1}"#,
            #"{"a":tru}"#,
            #"{"a":1,}"#,
            #"{"a":1} x"#,
            #"{"a" 1}"#,
            #"{"a":[1 2]}"#,
            #"{'a':1}"#,
            "",
            #"{"a":"abc"#,
            "[" + String(repeating: "[", count: JSONTape.maxDepth) + String(repeating: "]", count: JSONTape.maxDepth)
                + "]",
        ]
    )
    func refused(json: String) {
        #expect(JSONTape.parse(Array(json.utf8)) == nil)
    }

    @Test("Invalid UTF-8 is refused") func invalidUTF8() {
        #expect(JSONTape.parse(Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == nil)
        #expect(JSONTape.parse(Array(#"{"a":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)) == nil)
    }

    @Test("Nesting up to the limit is read") func deepest() throws {
        let depth = JSONTape.maxDepth
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let tape = try #require(JSONTape.parse(Array(json.utf8)))
        #expect(tape.nodes.count == depth)
        #expect(tape.nodes.allSatisfy { $0.next == Int32(depth) })
    }

    static let peer = PeerCredentials(uid: 0, gid: 0, pid: 0)

    @Test(
        "The header of a call, read from the tape as Foundation read it",
        arguments: [
            (#"{"method":"a.b.C"}"#, "a.b.C", false, false, false),
            (
                #"{"more":true,"method":"a.b.C","oneway":null,"upgrade":false,"parameters":null}"#,
                "a.b.C", false, true, false
            ),
            (#"{"method":"a.b.\u0043","oneway":true,"upgrade":true,"x":[]}"#, "a.b.C", true, false, true),
        ] as [(String, String, Bool, Bool, Bool)]
    )
    func header(frame: String, method: String, oneway: Bool, more: Bool, upgrade: Bool) throws {
        let tape = try #require(JSONTape.parse(Array(frame.utf8)))
        let header = try #require(TapeCallHeader(tape))
        #expect(header.method == method)
        #expect([header.oneway, header.more, header.upgrade] == [oneway, more, upgrade])
        guard case .call(let call) = VarlinkServer.parseCall(ByteBuffer(string: frame), peer: Self.peer) else {
            Issue.record("not a call")
            return
        }
        #expect(call.method == method && call.oneway == oneway && call.more == more && call.upgrade == upgrade)
    }

    @Test(
        "A header the tape cannot read is Foundation's to judge",
        arguments: [
            #"{"method":1}"#,
            #"{"method":"a.b.C","oneway":1}"#,
            #"{"method":"a.b.C","more":"true"}"#,
            #"{"oneway":true}"#,
            #"["a.b.C"]"#,
            #""a.b.C""#,
        ]
    )
    func headerLeftToFoundation(frame: String) throws {
        let tape = try #require(JSONTape.parse(Array(frame.utf8)))
        #expect(TapeCallHeader(tape) == nil)
        guard case .unreadable = VarlinkServer.parseCall(ByteBuffer(string: frame), peer: Self.peer) else {
            Issue.record("\(frame) was not unreadable")
            return
        }
    }
}
