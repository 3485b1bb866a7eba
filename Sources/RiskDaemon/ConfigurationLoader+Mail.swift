import RiskCore
import TOMLKit

extension ConfigurationLoader {
    /// The keys of `[mail]` (riskd.toml(5), MAIL).
    static let mailKeys: [String: Setter] = [
        "enabled": { c, v throws(SetterError) in c.mail.enabled = try bool(v) },
        "from": { c, v throws(SetterError) in c.mail.from = try address(v) },
        "organisation": { c, v throws(SetterError) in
            let name = try string(v)
            guard !name.isEmpty, name.count <= 200, MailText.line(name, limit: 200) == name else {
                throw SetterError(reason: "must be a name of 1 to 200 characters on one line")
            }
            c.mail.organisation = name
        },
        "domain": { c, v throws(SetterError) in
            let domain = try string(v)
            guard !domain.isEmpty else {
                c.mail.domain = nil
                return
            }
            do throws(DomainError) {
                try MailAddress.checkDomain(domain)
            } catch {
                throw SetterError(reason: error.reason)
            }
            c.mail.domain = domain
        },
        "admins": { c, v throws(SetterError) in
            var addresses: [MailAddress] = []
            for text in try strings(v) { addresses.append(try address(text)) }
            c.mail.admins = addresses
        },
        "notices": { c, v throws(SetterError) in
            var kinds = Set<NoticeKind>()
            for name in try strings(v) {
                guard let kind = NoticeKind(rawValue: name) else {
                    throw SetterError(
                        reason: "\"\(name)\" is not a kind of mail: one of "
                            + NoticeKind.allCases.map(\.rawValue).joined(separator: ", ")
                    )
                }
                kinds.insert(kind)
            }
            c.mail.kinds = kinds
        },
        "notice_days_before": { c, v throws(SetterError) in c.mail.noticeDaysBefore = try int(v, 0...365) },
        "max_attempts": { c, v throws(SetterError) in c.mail.maxAttempts = try int(v, 1...100) },
    ]

    private static func address(_ value: any TOMLValueConvertible) throws(SetterError) -> MailAddress {
        try address(try string(value))
    }

    private static func address(_ text: String) throws(SetterError) -> MailAddress {
        do throws(DomainError) {
            return try MailAddress(text)
        } catch {
            throw SetterError(reason: error.reason)
        }
    }
}
