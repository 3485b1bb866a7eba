/// What the audit trail records of the secretariat's changes to the outbox: test mails and retries. The deliverer's
/// claims and reports are not audited (the outbox keeps their outcome); an address is a member's (`MemberAudit`).
public enum MailAudit {
    /// The subject of every entry about mail `id`.
    public static func subject(_ id: Int) -> String {
        "mail:\(id)"
    }

    /// A test mail queued to `address`.
    public static func testQueued(to address: MailAddress) -> AuditDetail {
        AuditDetail(["kind": .text("test"), "recipient": .personal(address.description)])
    }

    /// A failed or uncertain mail queued again; `state` is what it was.
    public static func retried(from state: MailState) -> AuditDetail {
        AuditDetail(["retried": .text(state.rawValue)])
    }
}
