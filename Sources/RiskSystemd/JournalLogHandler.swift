import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes native journal entries: the message, its priority, the source location and
/// the logger's metadata as `RISKD_<KEY>` fields. riskd uses it when its standard error is the journal
/// (`JOURNAL_STREAM`, set by systemd), so `journalctl -p` filters by real priority.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", event.message.description), ("PRIORITY", String(Self.priority(of: event.level))),
            ("SYSLOG_IDENTIFIER", "riskd"), ("CODE_FILE", event.file), ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function), ("RISKD_LOGGER", label),
        ]
        if let error = event.error { fields.append(("RISKD_ERROR", "\(error)")) }
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            let name = key.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            fields.append(("RISKD_\(name)", "\(value)"))
        }
        if Journal.send(fields) < 0 {
            FileHandleStderr.write("\(event.level): \(event.message)\n")
        }
    }

    /// syslog priorities, as journald stores them.
    static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Whether standard error is the journal stream systemd connected (`JOURNAL_STREAM=device:inode`).
    public static var isStandardErrorJournal: Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        let parts = value.split(separator: ":")
        var status = stat()
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]),
            fstat(2, &status) == 0
        else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}

/// Writes to file descriptor 2 without Foundation.
enum FileHandleStderr {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
