/// A configuration file that riskd refuses, with the key and line at fault.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file, as given.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted key (`limits.max_connections`), empty for a syntax error.
    public var key: String
    public var reason: String

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(place): \(reason)" : "\(place): \(key): \(reason)"
    }
}
