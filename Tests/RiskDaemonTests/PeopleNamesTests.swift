import Synchronization
import Testing

@testable import RiskDaemon

@Suite("The one rule for a person's name in documents")
struct PeopleNamesTests {
    @Test(
        "The account's full name is the GECOS's first comma field",
        arguments: [
            ("Ana Petrović,Room 5,+385 1 555,,", "Ana Petrović" as String?),
            ("  Marko Ilić  ", "Marko Ilić"),
            ("", nil),
            (",Room 5,,", nil),
            ("   ,x", nil),
        ]
    )
    func gecos(field: String, name: String?) {
        #expect(UserDirectory.fullName(fromGECOS: field) == name)
    }

    @Test("The name set with SetName wins over the account's; the account's is not read when one is set")
    func setWins() {
        let accounts = ["ana": "Ana P.", "marko": "Marko Ilić"]
        let asked = Mutex<[String]>([])
        let account: PeopleNames.AccountName = { user in
            asked.withLock { $0.append(user) }
            return accounts[user]
        }
        let names = PeopleNames.of(
            ["ana", "marko", "ivan"],
            set: ["ana": "Ana Petrović", "zora": "Zora Kovač"],
            account: account
        )
        #expect(names == ["ana": "Ana Petrović", "marko": "Marko Ilić"])
        #expect(asked.withLock { $0.sorted() } == ["ivan", "marko"])
        #expect(PeopleNames.name(of: "ivan", set: nil, account: account) == nil)
    }
}
