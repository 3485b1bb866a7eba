import Foundation
import Testing

@testable import Varlink

/// The streaming encoder must say what Foundation's `JSONEncoder` says: for every case the two outputs parse to
/// the same JSON value, and the streamed text decodes back to the value.
@Suite("Streaming JSON encoder")
struct StreamingJSONEncoderTests {
    enum Level: String, Codable, Hashable { case low, high }

    struct Inner: Codable, Hashable {
        var id: Int
        var note: String?
    }

    struct Outer: Codable, Hashable {
        var title: String
        var level: Level
        var flags: [Bool]
        var inner: Inner
        var list: [Inner]
        var optionalInner: Inner?
        var big: Int64
        var unsigned: UInt32
        var nothing: NoParameters
        var any: JSONValue?
    }

    static let strings = [
        "", "plain", #"quote " and backslash \"#, "slash / stays", "line\nbreak\ttab\r\u{8}\u{C}", "\u{1}\u{1F}",
        "naïve café", "emoji 🫶 and ЦРВ", "\u{2028}",
    ]

    static let values: [Outer] = strings.enumerated().map { index, text in
        Outer(
            title: text,
            level: index % 2 == 0 ? .low : .high,
            flags: index % 3 == 0 ? [] : [true, false],
            inner: Inner(id: index, note: index % 2 == 0 ? nil : text),
            list: (0..<(index % 4)).map { Inner(id: -$0, note: "n\($0)") },
            optionalInner: index % 2 == 0 ? Inner(id: Int.max, note: nil) : nil,
            big: Int64.min,
            unsigned: .max,
            nothing: NoParameters(),
            any: index % 3 == 0
                ? nil
                : .object([
                    "k": .array([
                        .null, .bool(true), .int(-3), .double(2.5),
                        .string(text),
                    ])
                ])
        )
    }

    static func parsed(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    @Test("Same JSON as Foundation, and it decodes back", arguments: values)
    func sameAsFoundation(value: Outer) throws {
        let streamed = try #require(try StreamingJSONEncoder.encode(value))
        let foundation = try VarlinkJSON.sorted(value)
        #expect(try Self.parsed(Data(streamed)) == Self.parsed(foundation))
        #expect(try JSONDecoder().decode(Outer.self, from: Data(streamed)) == value)
    }

    @Test("Absent optionals are omitted and slashes are not escaped") func conventions() throws {
        let text = try #require(try StreamingJSONEncoder.encode(Inner(id: 1, note: nil)))
        #expect(String(decoding: text, as: UTF8.self) == #"{"id":1}"#)
        let slash = try #require(try StreamingJSONEncoder.encode(Inner(id: 2, note: "a/b")))
        #expect(String(decoding: slash, as: UTF8.self) == #"{"id":2,"note":"a/b"}"#)
    }

    @Test(
        "Top-level primitives and arrays",
        arguments: [
            (try? StreamingJSONEncoder.encode("x\"y"), #""x\"y""#),
            (try? StreamingJSONEncoder.encode([1, 2, 3]), "[1,2,3]"),
            (try? StreamingJSONEncoder.encode([String]()), "[]"),
            (try? StreamingJSONEncoder.encode(NoParameters()), "{}"),
            (try? StreamingJSONEncoder.encode(JSONValue.null), "null"),
        ]
    )
    func primitives(encoded: [UInt8]??, expected: String) {
        #expect(encoded.flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    /// The text `StreamingJSONEncoder` writes for `value`, `nil` when it declines or throws.
    static func streamed<T: Encodable>(_ value: T) -> String? {
        let bytes: [UInt8]?? = try? StreamingJSONEncoder.encode(value)
        return bytes.flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    static let scalars: [(encoded: String?, expected: String)] = [
        (streamed([true, false]), "[true,false]"),
        (streamed([-2.5, 3.0]), "[-2.5,3]"),
        (streamed([Int64.min]), "[-9223372036854775808]"),
        (streamed([UInt64.max]), "[18446744073709551615]"),
        (streamed([Int32.min]), "[-2147483648]"),
        (streamed([UInt32.max]), "[4294967295]"),
        (streamed([String?.some("a"), nil]), #"["a",null]"#),
        (streamed([Int?.none, 7]), "[null,7]"),
        (streamed([Bool?.some(false), nil]), "[false,null]"),
    ]

    @Test("Each scalar type, and optional scalars, as the elements of an array", arguments: scalars)
    func scalarElements(encoded: String?, expected: String) {
        #expect(encoded == expected)
    }

    struct Nested: Encodable {
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Key.self)
            var inner = outer.nestedContainer(keyedBy: Key.self, forKey: .a)
            try inner.encode(1, forKey: .a)
        }

        enum Key: CodingKey { case a }
    }

    @Test("A nested container is left to Foundation") func fallback() throws {
        #expect(try StreamingJSONEncoder.encode(Nested()) == nil)
        #expect(String(decoding: try VarlinkJSON.encode(Nested()), as: UTF8.self) == #"{"a":{"a":1}}"#)
    }

    @Test("A number JSON cannot carry is an error") func notANumber() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode([Double.nan]) }
    }
}
