import GRDB
import RiskCore
import Testing

@testable import RiskStore

/// The detail of an audit entry is hashed into the chain as rendered: its bytes are the chain's format, so they may
/// never change. These are the bytes riskd has always written (keys sorted, Foundation's escaping of `/`).
@Suite("An audit entry's detail as the chain hashes it")
struct AuditRenderTests {
    static let cases: [(AuditDetail, String)] = [
        (AuditDetail(), "{}"),
        (AuditDetail(["title": .text("Funding overlap")]), #"{"title":"Funding overlap"}"#),
        (
            AuditDetail([
                "title": .text("Funding / overlap"), "impact": .int(3), "accepted": .bool(true), "area": .null,
                "description": .digest("abc"), "likelihood": .int(-1),
            ]),
            #"{"accepted":true,"area":null,"description":"sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","impact":3,"likelihood":-1,"title":"Funding \/ overlap"}"#
        ),
        (AuditDetail(["note": .text("Ана \"A\"\n")]), #"{"note":"Ана \"A\"\n"}"#),
        (AuditDetail(["B": .int(1), "a": .int(2), "aa": .int(3)]), #"{"B":1,"a":2,"aa":3}"#),
    ]

    @Test("Rendered byte for byte", arguments: cases.indices)
    func rendered(_ index: Int) throws {
        let queue = try DatabaseQueue()
        let (detail, expected) = Self.cases[index]
        let text = try queue.read { db in try AuditChain.render(detail, db: db) }
        #expect(text == expected)
    }

    @Test("A personal field is an HMAC under the database's key, the same for the same text")
    func personal() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        let detail = AuditDetail(["name": .personal("Ana Petrović"), "id": .int(4)])
        let (first, second) = try queue.write { db in
            (try AuditChain.render(detail, db: db), try AuditChain.render(detail, db: db))
        }
        #expect(first == second)
        #expect(first.hasPrefix(#"{"id":4,"name":"hmac:"#) && first.hasSuffix(#""}"#) && first.count == 87)
    }

    @Test("An entry's hash is SHA-256 of the previous hash and its canonical text (checked against Python's hashlib)")
    func link() {
        let canonical = AuditChain.canonical(
            seq: 1,
            at: "2026-11-29T06:00:00Z",
            actor: "marko",
            uid: 1002,
            method: "org.riskd.risk.Add",
            subject: "risk:1",
            detail: #"{"title":"Ана"}"#
        )
        #expect(
            AuditChain.link(previous: AuditChain.genesis, canonical: canonical)
                == "35fbbfc41062764c6429f76be62bcc09491af4beb3503fcb4b472047d66e06d8"
        )
    }
}
