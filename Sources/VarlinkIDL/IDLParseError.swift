/// Why an IDL text was refused, with the file and line a reader should look at.
public struct IDLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the text came from, as given to the parser.
    public var file: String
    /// The 1-based line of the fault.
    public var line: Int
    /// What is wrong, as a sentence fragment.
    public var message: String

    /// Creates an error for `file:line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, the form compilers use so that editors and CI logs link to the line.
    public var description: String { "\(file):\(line): error: \(message)" }
}
