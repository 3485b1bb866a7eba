import RiskCore
import RiskStore

/// The outbox as the mail story tests (RiskDaemonTests) and the outbox's store tests (RiskStoreTests) both start it:
/// an in-memory database with mail on, and notices that stay true whatever the register holds. A suite that adopts
/// it has them as its own static members.
public protocol MailFixtures {}

extension MailFixtures {
    /// An in-memory database whose mail goes from riskd@example.org, to members at `domain` (none when nil), the
    /// digest to secretariat@example.org.
    public static func database(domain: String? = "example.org") throws -> RiskDatabase {
        let database = try RiskDatabase()
        var policy = MailPolicy()
        policy.enabled = true
        policy.from = try MailAddress("riskd@example.org")
        policy.domain = domain
        policy.admins = [try MailAddress("secretariat@example.org")]
        database.configureMail(MailSettings(policy: policy))
        return database
    }

    /// A notice to `user` that stays true whatever the register holds (a closed concern), so that the claim-time
    /// check (`MailService.keep`) keeps it: for tests of the outbox and the deliverer's cycle, not of what is still
    /// true.
    public static func notice(_ user: String, _ key: String) -> Notice {
        Notice(
            user: user,
            kind: .concernClosed,
            subject: "concern:1",
            key: key,
            text: "The concern C-1 you raised was closed.",
            command: "riskctl"
        )
    }
}
