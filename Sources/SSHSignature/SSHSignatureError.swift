/// Why a public key or an SSH signature was refused, as a sentence a person can act on.
///
/// `reason` is written to follow the name of the thing refused ("the signature …", "the public key …").
public struct SSHSignatureError: Error, Equatable, Sendable {
    /// What is wrong, e.g. "was made for namespace 'git', not 'riskd'".
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    static func truncated(_ what: String) -> Self { .init("is truncated: it ends inside the \(what)") }
    static func malformed(_ detail: String) -> Self { .init("is malformed: \(detail)") }
}
