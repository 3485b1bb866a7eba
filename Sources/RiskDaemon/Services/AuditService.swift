import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.audit`: read and verify the hash-chained audit trail.
struct AuditService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(AuditInterface.Log.self) { parameters, request in
            let limit = try Paging.limit(parameters.limit)
            let page = try await context.database.auditLog(
                subject: parameters.subject,
                after: try Paging.after(parameters.after),
                limit: limit,
                reader: context.subjectReader(of: request)
            )
            return .init(entries: page.entries.map(AuditInterface.Entry.init), next: page.next)
        }
        table.on(AuditInterface.Verify.self) { parameters, _ in
            try await verify(head: parameters.head)
        }
        table.on(AuditInterface.Attestations.self) { parameters, request in
            // A board member reads only their own, whether or not they name themselves.
            let user = parameters.user ?? (request.access == .allowed ? nil : request.caller.user)
            if let user, !request.mayTouch(ownedBy: user) { throw DomainError.permissionDenied }
            let found = try await context.database.attestations(user: user)
            return .init(
                allowedSigners: MemberKey.allowedSigners(found.keys),
                attestations: found.attestations.map(AuditInterface.Attestation.init)
            )
        }
        return table
    }

    /// Verifies the chain against `head`, or against the head recorded beside the database when `head` is `nil`.
    private func verify(head: String?) async throws -> AuditInterface.Verify.Reply {
        let database = context.database
        let anchor: AuditAnchor?
        let origin: String
        if let head {
            guard AuditAnchor.isHash(head) else {
                throw DomainError.invalidValue("head", "a head is 64 lowercase hexadecimal digits")
            }
            anchor = AuditAnchor(seq: nil, hash: head)
            origin = "given"
        } else {
            anchor = try database.recordedAuditHead()
            origin = "recorded in \(database.auditHeadPath ?? "riskd")"
        }
        let result = try await database.verifyAudit(against: anchor)
        if !result.ok, let anchor, result.firstBadSeq == result.entries + 1 {
            context.logger.critical(
                "Audit chain does not hold \(anchor) \(origin): it ends at entry \(result.entries)"
            )
        } else if !result.ok {
            context.logger.critical("Audit chain broken at entry \(result.firstBadSeq ?? 0)")
        }
        let headFound: Bool? =
            if anchor == nil {
                nil
            } else if result.ok {
                true
            } else if result.firstBadSeq == result.entries + 1 {
                false
            } else {
                nil
            }
        return .init(
            ok: result.ok,
            entries: result.entries,
            head: result.head,
            firstBadSeq: result.firstBadSeq,
            headFound: headFound
        )
    }
}

extension AuditInterface.Attestation {
    /// The wire form of a signed attestation.
    init(_ attestation: Attestation) {
        let kind: Kind =
            switch attestation.kind {
            case .interestConfirmation: .interest_confirmation
            case .codeAcknowledgement: .code_acknowledgement
            }
        self.init(
            kind: kind,
            user: attestation.user,
            at: attestation.at.description,
            statement: attestation.statement,
            signature: attestation.signature,
            fingerprint: attestation.fingerprint
        )
    }
}
