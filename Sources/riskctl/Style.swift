import RiskProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Terminal colour for the one thing that carries meaning in colour: the severity band.
///
/// Colour is used only when standard output is a terminal and `NO_COLOR` is not set (to any value).
struct Style {
    /// The SGR parameters, e.g. `1;31`.
    let code: String

    /// Whether riskctl colours its output.
    static let isEnabled: Bool = {
        guard isatty(STDOUT_FILENO) == 1, getenv("NO_COLOR") == nil else { return false }
        guard let term = getenv("TERM") else { return true }
        return String(cString: term) != "dumb"
    }()

    /// Low severity: green.
    static let low = Style(code: "32")
    /// Medium severity: yellow.
    static let medium = Style(code: "33")
    /// High severity: red.
    static let high = Style(code: "31")
    /// Critical severity: bold white on red.
    static let critical = Style(code: "1;37;41")

    /// The style of a severity band.
    static func of(_ severity: RiskInterface.Severity) -> Style {
        switch severity {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }

    /// The style of a finding's severity: critical red, warning yellow, notice as a low band.
    static func of(_ severity: ReviewInterface.Severity) -> Style {
        switch severity {
        case .notice: .low
        case .warning: .medium
        case .critical: .high
        }
    }

    /// The band of a score with riskd's default thresholds (5, 10, 20), for the cells of the matrix.
    static func band(ofScore score: Int) -> RiskInterface.Severity {
        switch score {
        case ..<5: .low
        case ..<10: .medium
        case ..<20: .high
        default: .critical
        }
    }

    /// `text` in this style when colour is enabled, else unchanged.
    func paint(_ text: String) -> String {
        Style.isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
