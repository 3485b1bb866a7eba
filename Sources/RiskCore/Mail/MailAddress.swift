/// An address riskd may mail: `local@domain` as RFC 5321 allows it on the envelope, restricted to what every MTA
/// takes from the command line without quoting.
///
/// Only a bare address, in ASCII: no display name, no comments, no quoted local part, no address literal
/// (`x@[192.0.2.1]`), no internationalised domain. What is refused here never reaches a header or sendmail's
/// arguments, so an address cannot inject a header or an option. Whether the mailbox exists only the MTA can say.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    /// The characters of a dot-atom's atoms (RFC 5322 `atext`).
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")

    /// Checks `text`; the error names `field` and says what is wrong.
    public init(_ text: String, field: String = "email") throws(DomainError) {
        func refuse(_ reason: String) -> DomainError {
            DomainError.invalidValue(field, "\"\(text)\" is not a mail address: \(reason)")
        }
        guard !text.isEmpty else { throw DomainError.invalidValue(field, "must not be empty") }
        guard text.utf8.count <= 254 else { throw refuse("it is longer than 254 characters") }
        guard text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0.asciiValue.map { $0 > 31 && $0 < 127 } == true })
        else { throw refuse("it must be ASCII, with no spaces or control characters") }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse("write it as name@domain, with one @") }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else {
            throw refuse("the part before @ must be 1 to 64 characters")
        }
        guard
            local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ atom in
                !atom.isEmpty && atom.allSatisfy { Self.atext.contains($0) }
            }), !local.hasPrefix("-")
        else { throw refuse("the part before @ has a character or a dot riskd does not send to") }
        try Self.checkDomain(domain, refuse: refuse)
        description = text
    }

    /// `riskd-mail@localhost`, the sender riskd uses when `mail.from` is not set: the account riskd-mail.service runs
    /// the deliverer as, so that bounces come back to the mailbox the deliverer reads. Checked by MailTests like any
    /// other.
    public static let riskdMailLocalhost = MailAddress(checked: "riskd-mail@localhost")

    /// An address written in the source, known to pass `init(_:field:)`.
    private init(checked text: String) {
        description = text
    }

    /// `user@domain`, when `user` is a valid local part; `nil` otherwise (a role such as "Finance team").
    public static func at(_ domain: String, user: String) -> MailAddress? {
        try? MailAddress("\(user)@\(domain)")
    }

    /// Checks a domain alone (`mail.domain`): labels of letters, digits and hyphens, separated by dots.
    public static func checkDomain(_ domain: String) throws(DomainError) {
        try checkDomain(Substring(domain)) { reason in
            DomainError.invalidValue("domain", "\"\(domain)\" is not a mail domain: \(reason)")
        }
    }

    private static func checkDomain(
        _ domain: Substring,
        refuse: (String) -> DomainError
    ) throws(DomainError) {
        guard !domain.isEmpty, domain.utf8.count <= 253 else { throw refuse("the domain must be 1 to 253 characters") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else {
                throw refuse("the domain must be names of letters, digits and hyphens between dots")
            }
        }
    }

    /// The domain part.
    public var domain: Substring {
        description[description.index(after: description.lastIndex(of: "@")!)...]
    }
}
