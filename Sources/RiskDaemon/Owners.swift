import RiskCore
import RiskStore

/// Who may own a risk or an action: an account of this system (NSS) or a member riskd knows, so that riskd can tell
/// them what is due and a mail never goes to a name nobody reads. Checked by riskd on every write that names an
/// owner, whoever the client.
enum Owners {
    /// Refuses an `owner` that is neither a login name NSS knows nor a member of `database`; nil (the caller)
    /// passes.
    ///
    /// - Throws: `DomainError.invalidValue` on `field`, naming the owner.
    static func check(_ owner: String?, field: String, in database: RiskDatabase) async throws {
        guard let owner, UserDirectory.uid(ofUser: owner) == nil else { return }
        guard try await !database.isKnownMember(owner) else { return }
        throw DomainError.invalidValue(
            field,
            "no account '\(owner)' on this system: an owner must be a login name (getent passwd) or a member, so "
                + "that riskd can tell them what is due"
        )
    }
}
