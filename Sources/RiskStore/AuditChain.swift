import Crypto
import Foundation
import GRDB
import RiskCore

/// The hash chain of the audit trail: `hash = SHA256(previous hash ‖ canonical entry)`, the first entry chained to
/// 64 zeros. Appending and verifying live here and nowhere else.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// The text that is hashed for an entry; every stored column but the hash, in a fixed order.
    static func canonical(
        seq: Int,
        at: String,
        actor: String,
        uid: Int,
        method: String,
        subject: String?,
        detail: String
    ) -> String {
        [String(seq), at, actor, String(uid), method, subject ?? "", detail].joined(separator: "\n")
    }

    static func link(previous: String, canonical: String) -> String {
        var hasher = SHA256()
        var previous = previous
        var canonical = canonical
        previous.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        canonical.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hex(hasher.finalize())
    }

    static func hex(sha256 text: String) -> String {
        hex(sha256: Data(text.utf8))
    }

    static func hex(sha256 data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(hmac text: String, key: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    /// Lowercase hex of `bytes` (what `String(format: "%02x")` wrote, at a fraction of its cost on every write).
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The per-database HMAC key, created on first use.
    static func personalKey(_ db: Database) throws -> SymmetricKey {
        if let bytes = try Data.fetchOne(db, sql: "SELECT value FROM secret WHERE name = 'audit-hmac'") {
            return SymmetricKey(data: bytes)
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        try db.execute(sql: "INSERT INTO secret(name, value) VALUES ('audit-hmac', ?)", arguments: [bytes])
        return key
    }

    /// Canonical JSON of a detail, with digests and HMACs computed.
    static func render(_ detail: AuditDetail, db: Database) throws -> String {
        var key: SymmetricKey?
        var json = "{"
        // Written straight into one string, members in key order: every write audits, on GRDB's writer.
        for (name, field) in detail.fields.sorted(by: { $0.key < $1.key }) {
            if json.utf8.count > 1 { json += "," }
            json += jsonString(name)
            json += ":"
            switch field {
            case .text(let text): json += jsonString(text)
            case .int(let int): json += String(int)
            case .bool(let bool): json += String(bool)
            case .null: json += "null"
            case .digest(let text): json += jsonString("sha256:" + hex(sha256: text))
            case .personal(let text):
                if key == nil { key = try personalKey(db) }
                json += key.map { jsonString("hmac:" + hex(hmac: text, key: $0)) } ?? "null"
            }
        }
        return json + "}"
    }

    /// `text` as Foundation's `JSONEncoder` writes it, which is part of the chain's format (it escapes `/`).
    /// Printable ASCII with nothing to escape, the usual case, is quoted directly: the same bytes, without an
    /// encoder per field.
    static func jsonString(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && byte != UInt8(ascii: "/")
        }
        if plain { return "\"" + text + "\"" }
        return (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }

    /// Appends one entry after the current head, inside the caller's transaction.
    @discardableResult
    static func append(
        _ db: Database,
        at: String,
        actor: String,
        uid: Int,
        method: String,
        subject: String?,
        detail: AuditDetail
    ) throws -> AuditEntry {
        // Read by position (`ColumnCursor`): GRDB's `Row` named the columns again at every write.
        let head = try ColumnCursor(
            db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"),
            arguments: []
        ) { row in
            let seq: Int = try row.at(0)
            let hash: String = try row.at(1)
            return (seq: seq, hash: hash)
        }.next()
        let seq = (head?.seq ?? 0) + 1
        let previous = head?.hash ?? genesis
        let text = try render(detail, db: db)
        let hash = link(
            previous: previous,
            canonical: canonical(
                seq: seq,
                at: at,
                actor: actor,
                uid: uid,
                method: method,
                subject: subject,
                detail: text
            )
        )
        let entry = AuditEntry(
            seq: seq,
            at: at,
            actor: actor,
            uid: uid,
            method: method,
            subject: subject,
            detail: text,
            hash: hash
        )
        try entry.insertEntry(db)
        return entry
    }

    /// Recomputes the chain from the first entry; with `anchor`, the chain must also still hold that entry.
    ///
    /// A chain that verifies but does not hold the anchor was shortened (or rebuilt): it is not ok, and
    /// `firstBadSeq` is the seq after its last entry, the first one missing.
    static func verify(_ db: Database, anchor: AuditAnchor? = nil) throws -> AuditVerification {
        var previous = genesis
        var count = 0
        var anchored = anchor.map { $0.hash == genesis } ?? true
        let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let entry = try cursor.next() {
            count += 1
            let expected = link(
                previous: previous,
                canonical: canonical(
                    seq: entry.seq,
                    at: entry.at,
                    actor: entry.actor,
                    uid: entry.uid,
                    method: entry.method,
                    subject: entry.subject,
                    detail: entry.detail
                )
            )
            guard entry.seq == count, expected == entry.hash else {
                return AuditVerification(ok: false, entries: count, head: previous, firstBadSeq: entry.seq)
            }
            if let anchor, entry.hash == anchor.hash, anchor.seq.map({ $0 == entry.seq }) ?? true {
                anchored = true
            }
            previous = entry.hash
        }
        guard anchored else {
            return AuditVerification(ok: false, entries: count, head: previous, firstBadSeq: count + 1)
        }
        return AuditVerification(ok: true, entries: count, head: previous, firstBadSeq: nil)
    }

    /// The statements that make the audit table append-only, as the first migration created them.
    static let guardTriggers = [
        "audit_no_update": """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
        """,
        "audit_no_delete": """
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
        """,
    ]

    /// Puts back the append-only triggers when someone dropped or changed them, and drops any other trigger on the
    /// audit table. Returns the names of the triggers that were missing or changed (empty when all was in place).
    static func restoreGuards(_ db: Database) throws -> [String] {
        func normalized(_ sql: String) -> String {
            sql.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        let present = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        )
        var found: [String: String] = [:]
        for row in present {
            if let name = row["name"] as String? { found[name] = normalized(row["sql"] as String? ?? "") }
        }
        let changed = found.keys.filter { name in
            guard let sql = guardTriggers[name] else { return true }
            return normalized(sql) != found[name]
        }
        let missing = guardTriggers.keys.filter { found[$0] == nil }
        for name in changed { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
        for name in missing + changed where guardTriggers[name] != nil {
            try db.execute(sql: guardTriggers[name] ?? "")
        }
        return (missing + changed).sorted()
    }
}

/// An audit entry known from outside the database: a head printed earlier or recorded beside the database.
public struct AuditAnchor: Sendable, Hashable, CustomStringConvertible {
    /// Its sequence number, when known (a recorded head has one; a hash from an auditor's notes need not).
    public var seq: Int?
    /// Its hash, lowercase hex.
    public var hash: String

    /// An anchor at `hash`, at `seq` when known.
    public init(seq: Int?, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Whether `text` is a chain hash: 64 lowercase hexadecimal digits.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `entry 12 (head 9f8e…)`, or `head 9f8e…` without a seq.
    public var description: String {
        let head = "head \(hash.prefix(12))…"
        return seq.map { "entry \($0) (\(head))" } ?? head
    }
}

/// The outcome of recomputing the audit chain.
public struct AuditVerification: Sendable, Hashable {
    /// Whether every entry's hash matches (and the chain holds the anchor it was verified against).
    public var ok: Bool
    /// Entries read (up to and including the first bad one).
    public var entries: Int
    /// The last good hash.
    public var head: String
    /// The first entry whose hash does not match, or whose sequence number is out of place; for a chain that does
    /// not hold its anchor, the seq after its last entry.
    public var firstBadSeq: Int?
}
