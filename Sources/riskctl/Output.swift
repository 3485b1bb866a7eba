import Varlink

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Where riskctl writes: results to standard output, the one error line and prompts to standard error.
enum Output {
    /// Prints one line on standard output.
    static func line(_ text: String = "") {
        print(text)
    }

    /// Prints `riskctl: message` on standard error: the one line a failure gets.
    static func error(_ message: String) {
        flush()
        standardError("riskctl: \(message)\n")
    }

    /// Writes a line about what riskctl is doing on standard error, where it does not mix with the results.
    static func note(_ message: String) {
        flush()
        standardError("\(message)\n")
    }

    /// Writes a question to standard error without a newline, for `GlobalOptions.confirm`.
    static func prompt(_ question: String) {
        flush()
        standardError(question)
    }

    /// Writes `text` to standard error, whole: a short write is continued, an interrupted one retried.
    private static func standardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Prints a JSON value pretty-printed, keys sorted, as `--json` shows the daemon's replies.
    static func json(_ value: JSONValue) throws(RiskctlError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            throw RiskctlError(.protocolViolation("the reply cannot be written as JSON"), method: nil)
        }
        print(text)
    }

    /// Prints a JSON value on one line, keys sorted: one reply of a stream, such as an event of `review watch`.
    static func jsonLine(_ value: JSONValue) throws(RiskctlError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            throw RiskctlError(.protocolViolation("the reply cannot be written as JSON"), method: nil)
        }
        print(text)
    }

    /// The width lines should fit: the terminal's that standard output is, else `$COLUMNS`; `nil` for no limit.
    static let terminalWidth: Int? = {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        // As systemctl: $COLUMNS sets the width where the terminal gives none, a pipe included.
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }()

    /// Prints aligned `key: value` lines, keys right-aligned as in `systemctl status`; `nil` values are left out.
    ///
    /// Values are printed on one line each, control characters replaced; long ones are wrapped at the terminal's
    /// width, or at 100 columns when the output is not a terminal. `styles` colours the first word of a key's value,
    /// such as the severity band.
    static func fields(_ pairs: [(key: String, value: String?)], styles: [String: Style] = [:]) {
        for line in fieldLines(pairs, styles: styles) { print(line) }
    }

    /// The lines `fields` prints, for a caller that sends them elsewhere, such as through the pager.
    static func fieldLines(_ pairs: [(key: String, value: String?)], styles: [String: Style] = [:]) -> [String] {
        let present = pairs.compactMap { pair in pair.value.map { (key: pair.key, value: $0) } }
        let width = present.map(\.key.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 2)
        let valueWidth = max(40, (terminalWidth ?? 100) - width - 2)
        var output = [String]()
        for pair in present {
            let padding = String(repeating: " ", count: width - pair.key.count)
            var lines = wrap(pair.value, width: valueWidth).map(\.singleLine)
            if let style = styles[pair.key], let first = lines.first {
                let word = first.prefix { $0 != " " }
                lines[0] = style.paint(String(word)) + first.dropFirst(word.count)
            }
            output.append("\(padding)\(pair.key): \(lines.first ?? "")")
            for continuation in lines.dropFirst() {
                output.append(indent + continuation)
            }
        }
        return output
    }

    /// Splits `text` into lines of at most `width` characters at spaces, keeping its own line breaks.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines = [String]()
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
        }
        return lines
    }

    /// Writes out what was printed so far, before an exit or a line on standard error.
    static func flush() {
        // nil flushes every stream; naming `stdout` would touch a C global, which Swift 6 rejects.
        fflush(nil)
    }
}
