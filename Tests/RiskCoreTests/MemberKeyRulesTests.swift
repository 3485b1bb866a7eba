import RiskCore
import Testing

/// `MemberKeyRules`: how many keys a member may hold, that a key signs for one member only, and which key a
/// removal names.
@Suite("Members' keys: the rules")
struct MemberKeyRulesTests {
    static func key(_ user: String, _ number: Int) -> MemberKey {
        MemberKey(
            user: user,
            fingerprint: "SHA256:key\(number)",
            publicKey: "ssh-ed25519 AAAA\(number)",
            addedAt: Instant(secondsSinceEpoch: 1_800_000_000),
            addedBy: user
        )
    }

    @Test(
        "A key is admitted below the limit and when nobody holds it",
        arguments: [
            (0, String?.none, String?.none),
            (MemberKey.maxPerMember - 1, nil, nil),
            (
                MemberKey.maxPerMember, nil,
                "ana has \(MemberKey.maxPerMember) keys registered, the most; remove one first"
            ),
            (1, "ana", "is already registered to ana as SHA256:key99"),
            (1, "ivan", "is already registered to another member; a key signs for one member only"),
        ]
    )
    func admit(registered: Int, holder: String?, refusal: String?) {
        let registered = (0..<registered).map { Self.key("ana", $0) }
        let key = Self.key("ana", 99)
        if let refusal {
            #expect(throws: DomainError.invalidValue("publicKey", refusal)) {
                try MemberKeyRules.admit(key, registered: registered, holder: holder)
            }
        } else {
            #expect(throws: Never.self) { try MemberKeyRules.admit(key, registered: registered, holder: holder) }
        }
    }

    @Test("A removal names one of the member's own keys") func removable() throws {
        let registered = [Self.key("ana", 1), Self.key("ana", 2)]
        #expect(try MemberKeyRules.removable("SHA256:key2", of: "ana", registered: registered) == registered[1])
        #expect(throws: DomainError.invalidValue("fingerprint", "no key SHA256:key3 is registered to ana")) {
            try MemberKeyRules.removable("SHA256:key3", of: "ana", registered: registered)
        }
    }
}
