import RiskProtocol

extension Daemon {
    /// riskd's version, the one `org.riskd.daemon.Status` reports and `riskd --version` prints.
    public static let version = RiskdProtocol.version
}
