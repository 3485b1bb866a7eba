import Logging
import RiskCore
import TOMLKit

/// Reads `riskd.toml` into a `Configuration`: unknown keys and bad values are errors naming the key and its line.
public enum ConfigurationLoader {
    /// Parses `text` (the contents of `file`) over `defaults`.
    public static func load(
        text: String,
        file: String,
        defaults: Configuration
    ) throws(ConfigurationError)
        -> Configuration
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, key: "", reason: error.description)
        } catch {
            throw ConfigurationError(file: file, line: nil, key: "", reason: "\(error)")
        }
        var configuration = defaults
        for key in table.keys {
            guard let value = table[key] else { continue }
            if let setter = topLevel[key] {
                try apply(setter, value, key: key, section: nil, text: text, file: file, to: &configuration)
            } else if let section = sections[key] {
                guard let subtable = value.table else {
                    throw ConfigurationError(
                        file: file,
                        line: line(of: key, section: nil, in: text),
                        key: key,
                        reason: "must be a table ([\(key)])"
                    )
                }
                for subkey in subtable.keys {
                    guard let subvalue = subtable[subkey] else { continue }
                    guard let setter = section[subkey] else {
                        throw ConfigurationError(
                            file: file,
                            line: line(of: subkey, section: key, in: text),
                            key: "\(key).\(subkey)",
                            reason: "unknown key"
                        )
                    }
                    try apply(setter, subvalue, key: subkey, section: key, text: text, file: file, to: &configuration)
                }
            } else {
                throw ConfigurationError(
                    file: file,
                    line: line(of: key, section: nil, in: text),
                    key: key,
                    reason: "unknown key"
                )
            }
        }
        // Mails are signed with the organisation's name when [mail] does not give another.
        if let name = configuration.organisation, configuration.mail.organisation == MailPolicy().organisation {
            configuration.mail.organisation = name
        }
        do {
            try configuration.risk.scoring.validate()
        } catch {
            let parts = error.field.split(separator: ".").map(String.init)
            throw ConfigurationError(
                file: file,
                line: line(of: parts.last ?? "", section: parts.first, in: text),
                key: error.field,
                reason: error.reason
            )
        }
        let interests = configuration.interests
        if let declare = interests.giftDeclareAbove, let refuse = interests.giftRefuseAbove, declare > refuse {
            throw ConfigurationError(
                file: file,
                line: line(of: "gift_declare_above", section: "interests", in: text),
                key: "interests.gift_declare_above",
                reason: "\(declare) must not be above interests.gift_refuse_above (\(refuse))"
            )
        }
        try validateShares(configuration.limits, text: text, file: file)
        if let path = configuration.report.templatePath {
            do {
                configuration.report.template = try BoardPackTemplate.load(path: path)
            } catch {
                throw ConfigurationError(
                    file: file,
                    line: line(of: "template", section: "report", in: text),
                    key: "report.template",
                    reason: error.reason
                )
            }
        }
        return configuration
    }

    typealias Setter = @Sendable (inout Configuration, any TOMLValueConvertible) throws(SetterError) -> Void

    struct SetterError: Error {
        var reason: String
    }

    private static func apply(
        _ setter: Setter,
        _ value: any TOMLValueConvertible,
        key: String,
        section: String?,
        text: String,
        file: String,
        to configuration: inout Configuration
    )
        throws(ConfigurationError)
    {
        do {
            try setter(&configuration, value)
        } catch {
            throw ConfigurationError(
                file: file,
                line: line(of: key, section: section, in: text),
                key: section.map { "\($0).\(key)" } ?? key,
                reason: error.reason
            )
        }
    }

    /// The 1-based line where `key` is set inside `[section]` (or before any section).
    static func line(of key: String, section: String?, in text: String) -> Int? {
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                current = line.dropFirst().prefix(while: { $0 != "]" }).trimmingSpaces()
                continue
            }
            guard current == section, line.hasPrefix(key) else { continue }
            let rest = line.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" })
            if rest.hasPrefix("=") { return index + 1 }
        }
        guard section == nil else { return nil }
        // A table riskd does not know: its header line.
        return text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { raw in
            raw.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("[\(key)]")
        }.map { $0 + 1 }
    }

    // MARK: The keys

    private static let topLevel: [String: Setter] = [
        "socket": { c, v throws(SetterError) in c.socket = try path(v) },
        "database": { c, v throws(SetterError) in c.database = try path(v) },
        "socket_mode": { c, v throws(SetterError) in
            guard let text = v.string, let mode = UInt32(text, radix: 8), mode <= 0o777 else {
                throw SetterError(reason: "must be an octal mode in quotes, such as \"0660\"")
            }
            c.socketMode = mode
        },
        "socket_group": { c, v throws(SetterError) in
            let group = try string(v)
            c.socketGroup = group.isEmpty ? nil : group
        },
    ]

    /// Every section's keys: its own below, and the budget keys (`ConfigurationLoader+Budgets.swift`).
    private static let sections = withBudgets(ownSections)

    private static let ownSections: [String: [String: Setter]] = [
        "access": [
            "admins": { c, v throws(SetterError) in c.access.admins = try identities(v) },
            "board": { c, v throws(SetterError) in c.access.board = try identities(v) },
            "auditors": { c, v throws(SetterError) in c.access.auditors = try identities(v) },
            "mailers": { c, v throws(SetterError) in c.access.mailers = try identities(v) },
            "root_is_admin": { c, v throws(SetterError) in c.access.rootIsAdmin = try bool(v) },
        ],
        "risk": [
            "categories": { c, v throws(SetterError) in
                let categories = try strings(v)
                guard !categories.isEmpty, Set(categories).count == categories.count,
                    categories.allSatisfy({ !$0.isEmpty })
                else {
                    throw SetterError(reason: "must be a non-empty list of distinct, non-empty names")
                }
                c.risk.categories = categories
            },
            "review_days_critical": { c, v throws(SetterError) in c.risk.scoring.reviewDays[.critical] = try days(v) },
            "review_days_high": { c, v throws(SetterError) in c.risk.scoring.reviewDays[.high] = try days(v) },
            "review_days_medium": { c, v throws(SetterError) in c.risk.scoring.reviewDays[.medium] = try days(v) },
            "review_days_low": { c, v throws(SetterError) in c.risk.scoring.reviewDays[.low] = try days(v) },
            "medium_from": { c, v throws(SetterError) in c.risk.scoring.mediumFrom = try int(v, 2...25) },
            "high_from": { c, v throws(SetterError) in c.risk.scoring.highFrom = try int(v, 2...25) },
            "critical_from": { c, v throws(SetterError) in c.risk.scoring.criticalFrom = try int(v, 2...25) },
        ],
        "interests": [
            "board_sees_register": { c, v throws(SetterError) in c.interests.boardSeesRegister = try bool(v) },
            "require_signature": { c, v throws(SetterError) in c.interests.requireSignature = try bool(v) },
            "first_confirmation_days": { c, v throws(SetterError) in c.interests.firstConfirmationDays = try days(v) },
            "confirm_every_days": { c, v throws(SetterError) in c.interests.confirmEveryDays = try days(v) },
            "late_after_days": { c, v throws(SetterError) in c.interests.lateAfterDays = try days(v) },
            "register_opened_on": { c, v throws(SetterError) in
                c.interests.registerOpenedOn = v.string == "" ? nil : try date(v)
            },
            "unmanaged_after_days": { c, v throws(SetterError) in c.interests.unmanagedAfterDays = try days(v) },
            "retain_ended_days": { c, v throws(SetterError) in c.interests.retainEndedDays = try days(v) },
            "public_register": { c, v throws(SetterError) in c.interests.publicRegister = try bool(v) },
            "max_declarations_per_member": { c, v throws(SetterError) in
                c.interests.maxDeclarationsPerMember = try int(v, 1...10_000)
            },
            "max_organisations_per_check": { c, v throws(SetterError) in
                c.interests.maxOrganisationsPerCheck = try int(v, 1...ConflictRules.maximumNames)
            },
            "gift_declare_above": { c, v throws(SetterError) in c.interests.giftDeclareAbove = try amount(v) },
            "gift_refuse_above": { c, v throws(SetterError) in c.interests.giftRefuseAbove = try amount(v) },
            "currency": { c, v throws(SetterError) in
                let code = try string(v)
                guard (1...8).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw SetterError(reason: "must be a currency code of letters such as \"EUR\", not \"\(code)\"")
                }
                c.interests.currency = code
            },
        ],
        "ethics": [
            "acknowledge_within_days": { c, v throws(SetterError) in c.ethicsAcknowledgeWithinDays = try days(v) }
        ],
        "review": [
            "time": { c, v throws(SetterError) in
                let text = try string(v)
                let parts = text.split(separator: ":")
                guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
                    let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
                else {
                    throw SetterError(reason: "must be a local time written HH:MM, such as \"06:00\"")
                }
                c.review.hour = hour
                c.review.minute = minute
            },
            "remind_every_days": { c, v throws(SetterError) in c.review.remindEveryDays = try days(v) },
        ],
        "backup": [
            "directory": { c, v throws(SetterError) in
                let text = try string(v)
                c.backup.directory = text.isEmpty ? nil : try path(v)
            },
            "keep": { c, v throws(SetterError) in c.backup.keep = try int(v, 1...10_000) },
        ],
        "limits": limitsKeys,
        "report": [
            "template": { c, v throws(SetterError) in c.report.templatePath = v.string == "" ? nil : try path(v) }
        ],
        "mail": mailKeys,
        "organisation": [
            "name": { c, v throws(SetterError) in
                let name = try string(v)
                guard name.count <= 200, MailText.line(name, limit: 200) == name else {
                    throw SetterError(reason: "must be a name of at most 200 characters on one line")
                }
                c.organisation = name.isEmpty ? nil : name
            }
        ],
        "log": [
            "level": { c, v throws(SetterError) in
                guard let level = Logger.Level(rawValue: try string(v)) else {
                    throw SetterError(reason: "must be one of trace, debug, info, notice, warning, error, critical")
                }
                c.logLevel = level
            }
        ],
    ]
}
