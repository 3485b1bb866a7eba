/// What a SIGHUP does with a configuration read again: the keys it may apply while running, and the ones that
/// changed but need a restart (they keep their values until then).
///
/// `[organisation]`, `[access]`, `[risk]`, `[interests]`, `[concerns]`, `[ethics]`, `[review]`, `[mail]`, `[report]`
/// and `[log]` apply at once. `socket`, `database`, `socket_mode`, `socket_group`, `[backup]` and `[limits]` are read
/// at start only: the socket and the database are open, and the limits are built into the server.
public struct ConfigurationReload: Sendable {
    /// The configuration to run with from now on: the new reloadable keys over the old start-only ones.
    public let applied: Configuration
    /// The start-only keys whose value changed, in the file's spelling (`socket`, `limits.max_connections`).
    public let needsRestart: [String]

    /// Compares the configuration in force with `reread`.
    public init(running: Configuration, reread: Configuration) {
        var applied = reread
        applied.socket = running.socket
        applied.database = running.database
        applied.socketMode = running.socketMode
        applied.socketGroup = running.socketGroup
        applied.backup = running.backup
        applied.limits = running.limits
        self.applied = applied

        var changed: [String] = []
        func compare<Value: Equatable>(_ key: String, _ value: (Configuration) -> Value) {
            if value(running) != value(reread) { changed.append(key) }
        }
        compare("socket", \.socket)
        compare("database", \.database)
        compare("socket_mode", \.socketMode)
        compare("socket_group", \.socketGroup)
        compare("backup.directory", \.backup.directory)
        compare("backup.keep", \.backup.keep)
        compare("limits.max_message_bytes", \.limits.maxMessageBytes)
        compare("limits.max_connections", \.limits.maxConnections)
        compare("limits.frame_timeout_seconds", \.limits.frameTimeoutSeconds)
        compare("limits.admin_connections", \.limits.adminConnections)
        compare("limits.board_connections", \.limits.boardConnections)
        compare("limits.auditor_connections", \.limits.auditorConnections)
        compare("limits.mailer_connections", \.limits.mailerConnections)
        compare("limits.no_role_connections", \.limits.noRoleConnections)
        compare("limits.max_connections_per_user", \.limits.maxConnectionsPerUser)
        compare("limits.idle_timeout_seconds", \.limits.idleTimeoutSeconds)
        compare("limits.reply_timeout_seconds", \.limits.replyTimeoutSeconds)
        compare("limits.drain_timeout_seconds", \.limits.drainTimeoutSeconds)
        needsRestart = changed
    }
}
