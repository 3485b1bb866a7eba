/// What riskd.toml decides about how a document reads: the board pack, the public register and the minutes.
///
/// riskd records these with the time it read them (at start and on SIGHUP, each time they differ from the last
/// recorded), so that a document made for a past time reads with the settings then in force and stays the same
/// after the file changes. Who may read what (`board_sees_register`, `public_register`, `[access]`) is not here:
/// a reader never gets more than the configuration in force at the call lets them.
public struct DocumentSettings: Sendable, Hashable {
    /// The name documents are titled with (`[organisation] name`, else `[mail] organisation` when set).
    public var organisation: String?
    /// The text of the board pack's template (`report.template`); `nil`: riskd's own, built into the daemon.
    public var template: String?
    /// The thresholds the pack's and the register's rules apply (`[risk]` bands and review days, the
    /// confirmation, management and acknowledgement days, the gift limits).
    public var policy: ReviewPolicy
    /// `interests.retain_ended_days`: how long after its end the public register still lists a declaration.
    public var retainEndedDays: Int

    public init(organisation: String?, template: String?, policy: ReviewPolicy, retainEndedDays: Int) {
        self.organisation = organisation
        self.template = template
        self.policy = policy
        self.retainEndedDays = retainEndedDays
    }

    /// What differs from `earlier`, as the audit trail and the journal name it, in a fixed order; empty when
    /// nothing does.
    public func changes(since earlier: DocumentSettings) -> [String] {
        var changed: [String] = []
        if organisation != earlier.organisation { changed.append("organisation name") }
        if template != earlier.template { changed.append("template") }
        if policy != earlier.policy { changed.append("review rules") }
        if retainEndedDays != earlier.retainEndedDays { changed.append("retention") }
        return changed
    }
}
