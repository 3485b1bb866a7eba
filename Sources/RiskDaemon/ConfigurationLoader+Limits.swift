/// `[limits]`: the keys, and the check that the connections kept for the roles fit in `max_connections`.
extension ConfigurationLoader {
    static let limitsKeys: [String: Setter] = [
        "max_message_bytes": { c, v throws(SetterError) in c.limits.maxMessageBytes = try int(v, 1024...(64 << 20)) },
        "max_connections": { c, v throws(SetterError) in c.limits.maxConnections = try int(v, 1...65_536) },
        "frame_timeout_seconds": { c, v throws(SetterError) in c.limits.frameTimeoutSeconds = try int(v, 1...3600) },
        "admin_connections": { c, v throws(SetterError) in c.limits.adminConnections = try int(v, 0...65_536) },
        "board_connections": { c, v throws(SetterError) in c.limits.boardConnections = try int(v, 0...65_536) },
        "auditor_connections": { c, v throws(SetterError) in c.limits.auditorConnections = try int(v, 0...65_536) },
        "mailer_connections": { c, v throws(SetterError) in c.limits.mailerConnections = try int(v, 0...65_536) },
        "no_role_connections": { c, v throws(SetterError) in c.limits.noRoleConnections = try int(v, 0...65_536) },
        "max_connections_per_user": { c, v throws(SetterError) in
            c.limits.maxConnectionsPerUser = try int(v, 1...65_536)
        },
        "idle_timeout_seconds": { c, v throws(SetterError) in c.limits.idleTimeoutSeconds = try int(v, 1...86_400) },
        "reply_timeout_seconds": { c, v throws(SetterError) in c.limits.replyTimeoutSeconds = try int(v, 1...3600) },
        "drain_timeout_seconds": { c, v throws(SetterError) in c.limits.drainTimeoutSeconds = try int(v, 1...3600) },
    ]

    /// The keys of the shares kept per role, in the order an error names the first one the file sets.
    private static let shareKeys = [
        "admin_connections", "board_connections", "auditor_connections", "mailer_connections", "no_role_connections",
    ]

    /// Administrators must leave others a connection, and the shares kept for the roles must fit in
    /// `max_connections`, or a role could be owed slots that do not exist.
    static func validateShares(_ limits: Configuration.Limits, text: String, file: String) throws(ConfigurationError) {
        if limits.adminConnections >= limits.maxConnections {
            throw ConfigurationError(
                file: file,
                line: line(of: "admin_connections", section: "limits", in: text)
                    ?? line(of: "max_connections", section: "limits", in: text),
                key: "limits.admin_connections",
                reason: "\(limits.adminConnections) must be less than limits.max_connections "
                    + "(\(limits.maxConnections)): other users would have no connection left"
            )
        }
        let kept = [
            limits.adminConnections, limits.boardConnections, limits.auditorConnections, limits.mailerConnections,
            limits.noRoleConnections,
        ]
        let sum = kept.reduce(0, +)
        guard sum > limits.maxConnections else { return }
        let named = shareKeys.first { line(of: $0, section: "limits", in: text) != nil } ?? "max_connections"
        let parts = zip(shareKeys, kept).map { "\($0) \($1)" }.joined(separator: " + ")
        throw ConfigurationError(
            file: file,
            line: line(of: named, section: "limits", in: text)
                ?? line(of: "max_connections", section: "limits", in: text),
            key: "limits.\(named)",
            reason: "the connections kept for the roles (\(parts) = \(sum)) must fit in limits.max_connections "
                + "(\(limits.maxConnections))"
        )
    }
}
