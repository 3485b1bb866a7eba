/// The IDL text of one interface, as served by `org.varlink.service.GetInterfaceDescription`, and the member
/// names read from it.
///
/// Generated interfaces are built with their names (`VarlinkIDL` parses the whole grammar at build time); the
/// text-reading initialiser only reads the `interface`, `method` and `error` keywords at the start of a line, for
/// a definition written by hand such as `org.varlink.service`.
public struct VarlinkInterfaceDefinition: Sendable {
    /// The interface name from the `interface` line.
    public let name: String
    /// The IDL text, comments included.
    public let text: String
    /// Method names declared by the text.
    public let methods: Set<String>
    /// Error names (unqualified) declared by the text.
    public let errors: Set<String>

    /// A definition whose names were read from `text` beforehand (by the generator, which parses the whole grammar).
    public init(name: String, methods: Set<String>, errors: Set<String>, text: String) {
        self.name = name
        self.text = text
        self.methods = methods
        self.errors = errors
    }

    /// Reads the names of a definition. Returns `nil` when the text has no `interface` line.
    public init?(text: String) {
        var name: String?
        var methods = Set<String>()
        var errors = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" })
            guard words.count >= 2 else { continue }
            switch words[0] {
            case "interface": name = String(words[1])
            case "method": methods.insert(String(words[1]))
            case "error": errors.insert(String(words[1]))
            default: continue
            }
        }
        guard let name else { return nil }
        self.name = name
        self.text = text
        self.methods = methods
        self.errors = errors
    }

    /// Reads a definition embedded as UTF-8 bytes (SwiftPM `embedInCode` resources).
    public init?(utf8 bytes: [UInt8]) {
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }
}
