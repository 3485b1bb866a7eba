/// The one pass of `JSONTape.parse` over the bytes.
struct JSONTapeParser {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    var nodes: [JSONTape.Node] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        nodes.reserveCapacity(16)
    }

    mutating func skipSpace() {
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> Bool {
        guard position < input.count else { return false }
        switch input[position] {
        case UInt8(ascii: "{"): return container(depth: depth, kind: .object)
        case UInt8(ascii: "["): return container(depth: depth, kind: .array)
        case UInt8(ascii: "\""): return string(isKey: false)
        case UInt8(ascii: "t"): return literal("true", .true)
        case UInt8(ascii: "f"): return literal("false", .false)
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    private mutating func append(_ kind: JSONTape.Kind, _ start: Int, _ end: Int) {
        nodes.append(.init(kind: kind, start: Int32(start), end: Int32(end), count: 0, next: Int32(nodes.count + 1)))
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) -> Bool {
        let count = word.utf8CodeUnitCount
        guard input.count - position >= count,
            UnsafeBufferPointer(rebasing: input[position..<position + count]).elementsEqual(
                UnsafeBufferPointer(start: word.utf8Start, count: count)
            )
        else { return false }
        append(kind, position, position + count)
        position += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
        let start = position
        if input[position] == UInt8(ascii: "-") { position += 1 }
        guard position < input.count else { return false }
        if input[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() else { return false }
        }
        var kind = JSONTape.Kind.integer
        if position < input.count, input[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() else { return false }
            kind = .number
        }
        if position < input.count, input[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() else { return false }
            kind = .number
        }
        append(kind, start, position)
        return true
    }

    /// One or more digits.
    private mutating func digits() -> Bool {
        let start = position
        while position < input.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[position]) {
            position += 1
        }
        return position > start
    }

    private mutating func string(isKey: Bool) -> Bool {
        position += 1
        let start = position
        var escaped = false
        var ascii = true
        while true {
            guard position < input.count else { return false }
            let byte = input[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { return false }
            if byte >= 0x80 { ascii = false }
            position += 1
            if byte == UInt8(ascii: "\\") {
                guard !isKey, escape() else { return false }
                escaped = true
            }
        }
        if !ascii, String(validating: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self) == nil {
            return false
        }
        append(escaped ? .escapedString : .string, start, position)
        position += 1
        return true
    }

    /// Checks the escape after a backslash and steps over it: one of `"\/bfnrt`, or `\u` with four hex digits,
    /// a surrogate only as a high one followed by `\u` and a low one, and never `\u0000`.
    private mutating func escape() -> Bool {
        guard position < input.count else { return false }
        let letter = input[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        case UInt8(ascii: "u"):
            guard let unit = unicodeUnit(), unit != 0, !(0xDC00...0xDFFF).contains(unit) else { return false }
            guard (0xD800...0xDBFF).contains(unit) else { return true }
            guard input.count - position >= 2, input[position] == UInt8(ascii: "\\"),
                input[position + 1] == UInt8(ascii: "u")
            else { return false }
            position += 2
            guard let low = unicodeUnit(), (0xDC00...0xDFFF).contains(low) else { return false }
            return true
        default:
            return false
        }
    }

    /// Four hex digits.
    private mutating func unicodeUnit() -> Int? {
        guard input.count - position >= 4 else { return nil }
        let unit = Self.hex(input, at: position)
        position += 4
        return unit
    }

    /// The value of the four hex digits at `index`; `nil` when one is not a hex digit.
    static func hex(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var value = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | Int(digit)
        }
        return value
    }

    private mutating func container(depth: Int, kind: JSONTape.Kind) -> Bool {
        guard depth <= JSONTape.maxDepth else { return false }
        let index = nodes.count
        append(kind, position, position)
        let close = kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipSpace()
        var count: Int32 = 0
        if position < input.count, input[position] == close {
            position += 1
        } else {
            while true {
                if kind == .object {
                    guard position < input.count, input[position] == UInt8(ascii: "\""), string(isKey: true) else {
                        return false
                    }
                    skipSpace()
                    guard position < input.count, input[position] == UInt8(ascii: ":") else { return false }
                    position += 1
                    skipSpace()
                }
                guard value(depth: depth + 1) else { return false }
                count += 1
                skipSpace()
                guard position < input.count else { return false }
                let byte = input[position]
                position += 1
                if byte == close { break }
                guard byte == UInt8(ascii: ",") else { return false }
                skipSpace()
            }
        }
        nodes[index].count = count
        nodes[index].next = Int32(nodes.count)
        return kind == .array || distinctKeys(of: index)
    }

    /// Whether the keys of the object at `object` differ from one another (they hold no escapes: bytes compare).
    private func distinctKeys(of object: Int) -> Bool {
        let count = Int(nodes[object].count)
        func bytes(_ key: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: input[Int(nodes[key].start)..<Int(nodes[key].end)])
        }
        func after(_ key: Int) -> Int { Int(nodes[key + 1].next) }
        if count <= 8 {
            var key = object + 1
            for index in 0..<count {
                var other = after(key)
                for _ in index + 1..<count {
                    if bytes(key).elementsEqual(bytes(other)) { return false }
                    other = after(other)
                }
                key = after(key)
            }
            return true
        }
        var seen = Set<[UInt8]>(minimumCapacity: count)
        var key = object + 1
        for _ in 0..<count {
            guard seen.insert(Array(bytes(key))).inserted else { return false }
            key = after(key)
        }
        return true
    }
}
