import Testing

@testable import Varlink

@Suite("Reading the header of a frame the parser refused")
struct FrameHeaderScannerTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test(
        "The top level is read, however deep the rest",
        arguments: [
            (
                #"{"method":"org.example.test.Echo","parameters":\#(nested(100_000))}"#,
                "org.example.test.Echo", false, 100_001, "parameters"
            ),
            (#"{"oneway":true,"parameters":{"a":[{"b":"}]\"x"}]},"method":"a.b.C"}"#, "a.b.C", true, 4, "parameters"),
            (#" { "more" : true , "method" : "a.b.C" } "#, "a.b.C", false, 1, nil),
            (#"{"method":"a.b.C","other":\#(nested(3)),"more":true}"#, "a.b.C", false, 4, "other"),
        ] as [(String, String, Bool, Int, String?)]
    )
    func readable(frame: String, method: String, oneway: Bool, depth: Int, deepest: String?) throws {
        let header = try #require(FrameHeaderScanner.scan(Array(frame.utf8)))
        #expect(header.method == method)
        #expect(header.oneway == oneway)
        #expect(header.depth == depth)
        #expect(header.deepestMember == deepest)
    }

    @Test("A more flag is read") func more() throws {
        let header = try #require(FrameHeaderScanner.scan(Array(#"{"method":"a.b.C","more":true}"#.utf8)))
        #expect(header.more)
    }

    @Test(
        "Not an object, or unbalanced: nothing is read",
        arguments: [
            "[1,2]", #""method""#, "{", #"{"method":"a.b.C""#, #"{"method":"a.b.C"}}"#, #"{"a":1}{"b":2}"#,
            "", "garbage", #"{"method":"a.b.C","p":"unterminated}"#,
        ]
    )
    func unreadable(frame: String) {
        #expect(FrameHeaderScanner.scan(Array(frame.utf8)) == nil)
    }

    @Test("An escaped method name is not guessed at") func escaped() throws {
        let header = try #require(FrameHeaderScanner.scan(Array(#"{"method":"a.b.\u0043"}"#.utf8)))
        #expect(header.method == nil)
    }
}
