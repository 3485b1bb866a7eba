import RiskProtocol
import Testing

@testable import riskctl

@Suite("A member's export as they read it")
struct MemberExportDocumentTests {
    static let reply = MemberInterface.Export.Reply(
        member: .init(
            user: "rkana",
            uid: 1001,
            roles: ["board"],
            firstSeenAt: "2026-09-01T09:00:00Z",
            lastConfirmedAt: nil,
            confirmationDue: "2026-09-29",
            acknowledgedVersion: nil,
            activeInterests: 1,
            openFindings: 0,
            email: nil,
            emailSet: false,
            name: "Ana Petrović"
        ),
        interests: [
            .init(
                id: 3,
                revision: 1,
                declarant: "rkana",
                kind: "family",
                organisation: "Klinika Sever",
                organisationId: nil,
                description: "My brother\nworks there",
                value: nil,
                sensitive: true,
                startedOn: "2026-06-01",
                endedOn: nil,
                declaredAt: "2026-09-01T09:05:00Z",
                late: false,
                status: "declared",
                managementPlan: nil,
                managedBy: nil,
                managedAt: nil,
                erased: false
            )
        ],
        confirmations: [],
        acknowledgements: [],
        recusals: [],
        concerns: [],
        audit: [
            .init(
                seq: 7,
                at: "2026-09-01T09:05:00Z",
                actor: "rkana",
                uid: 1001,
                method: "org.riskd.interest.Declare",
                subject: "interest:3",
                detail: #"{"description":"hmac:ab12","kind":"family","organisation":"Klinika Sever","sensitive":true,"#
                    + #""limits":{"after":2,"names":["a","b"]},"body":"sha256:0123456789abcdef0123"}"#,
                hash: "ff"
            )
        ],
        keys: [
            .init(
                fingerprint: "SHA256:tgLzvj8VCytX0akj9XU3lQ2/ufQkg+I80MHXAexz4WM",
                publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBYQrIWh4pqB0LBxyHb7Z1zkfDsl6wFZQOg2XMWBSD1x",
                addedAt: "2026-09-01T09:00:00Z",
                addedBy: "rkana"
            )
        ],
        attestations: [
            .init(
                kind: "interest_confirmation",
                user: "rkana",
                at: "2026-09-02T10:00:00Z",
                statement: "riskd attestation: confirmation of declarations of interests\nMember: rkana\n",
                signature: "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n",
                fingerprint: "SHA256:tgLzvj8VCytX0akj9XU3lQ2/ufQkg+I80MHXAexz4WM"
            )
        ],
        roles: [
            .init(role: "board", fromAt: "2026-09-01T09:00:00Z", lastSeenAt: "2026-11-03T08:00:00Z", goneAt: nil),
            .init(
                role: "auditor",
                fromAt: "2026-10-01T12:00:00Z",
                lastSeenAt: "2026-10-02T12:00:00Z",
                goneAt: "2026-10-05T07:30:00Z"
            ),
        ],
        names: [.init(at: "2026-09-03T10:00:00Z", source: "set", name: "Ana Petrović")]
    )

    @Test("Text and HTML hold the member's own text, dates and kinds in words, and no JSON")
    func readable() {
        let document = MemberExportDocument(Self.reply)
        for page in [document.text(), document.html()] {
            #expect(page.contains("Data riskd holds about Ana Petrović (rkana)"))
            #expect(page.contains("Klinika Sever") && page.contains("family tie"))
            #expect(page.contains("1 September 2026 at 09:05 UTC") && page.contains("29 September 2026"))
            #expect(page.contains("(personal text, kept only as a keyed hash)"))
            #expect(page.contains("Limits, after") && page.contains("a, b"))
            #expect(!page.contains("{\"") && !page.contains("\":") && !page.contains("hmac:"))
            #expect(page.contains("interest.Declare of interest:3"))
            #expect(page.contains("SHA256:tgLzvj8VCytX0akj9XU3lQ2/ufQkg+I80MHXAexz4WM"))
            #expect(page.contains("interest confirmation") && page.contains("2 September 2026 at 10:00 UTC"))
            #expect(page.contains("Roles riskd saw you hold") && page.contains("5 October 2026 at 07:30 UTC"))
            #expect(page.contains("not yet") && page.contains("From 3 September 2026 at 10:00 UTC"))
            #expect(page.contains("set in riskd"))
        }
        #expect(document.text().contains("My brother / works there"))
        #expect(document.html().contains("My brother\nworks there"))
    }

    @Test(
        "Audit details decoded",
        arguments: [
            (#"{"email":null,"n":3}"#, ["Email: none", "N: 3"]),
            (#"{"ok":false,"text":"plain"}"#, ["Ok: no", "Text: plain"]),
            (
                #"{"kind":"governance","startedOn":"2026-06-01","at":"2026-12-06T03:55:34Z"}"#,
                ["At: 6 December 2026 at 03:55 UTC", "Kind: governing role", "Started on: 1 June 2026"]
            ),
            ("not json", ["Details: not json"]),
            ("", []),
        ]
    )
    func detail(json: String, lines: [String]) {
        #expect(AuditDetailWords.fields(of: json).map { "\($0.name): \($0.value)" } == lines)
    }
}
