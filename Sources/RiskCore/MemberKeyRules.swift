/// Which public keys a member may register and remove, as pure functions of the keys registered.
public enum MemberKeyRules {
    /// Refuses `key` when its member has `MemberKey.maxPerMember` keys already (`registered`), or when the key is
    /// registered already: `holder` is the member it is registered to, if any (a key signs for one member only).
    public static func admit(_ key: MemberKey, registered: [MemberKey], holder: String?) throws(DomainError) {
        guard registered.count < MemberKey.maxPerMember else {
            throw .invalidValue(
                "publicKey",
                "\(key.user) has \(MemberKey.maxPerMember) keys registered, the most; remove one first"
            )
        }
        if let holder {
            throw .invalidValue(
                "publicKey",
                holder == key.user
                    ? "is already registered to \(key.user) as \(key.fingerprint)"
                    : "is already registered to another member; a key signs for one member only"
            )
        }
    }

    /// The key of `user` with `fingerprint` among the keys `registered` to them; `InvalidValue` (fingerprint) when
    /// there is none.
    public static func removable(
        _ fingerprint: String,
        of user: String,
        registered: [MemberKey]
    ) throws(DomainError) -> MemberKey {
        guard let key = registered.first(where: { $0.fingerprint == fingerprint }) else {
            throw .invalidValue("fingerprint", "no key \(fingerprint) is registered to \(user)")
        }
        return key
    }
}
