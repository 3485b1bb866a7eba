import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.ethics`: publish the ethical code, read its versions, acknowledge the current one, and see who has.
///
/// Who must acknowledge is decided at the time of the call: the users the board role names now (through NSS, so
/// `usermod -aG riskd-board ana` counts at once) and every user recorded as a member.
struct EthicsService {
    let context: DaemonContext
    /// The user names holding the board role now; NSS by default, a table in tests.
    let boardMembers: @Sendable ([Identity]) -> Set<String>

    init(
        context: DaemonContext,
        boardMembers: @escaping @Sendable ([Identity]) -> Set<String> = UserDirectory.userNames(of:)
    ) {
        self.context = context
        self.boardMembers = boardMembers
    }

    var methods: MethodTable {
        var table = MethodTable()
        table.on(EthicsInterface.Publish.self) { parameters, request in
            let board = MemberService.accounts(context.configuration.access.board).map(\.user)
            let due = request.today.adding(days: context.configuration.ethicsAcknowledgeWithinDays)
            let code = try await context.database.write(request.actor) { tx in
                try Self.publish(tx, title: parameters.title, body: parameters.body) { code in
                    board.map { Notice.codePublished(user: $0, version: code.version, title: code.title, due: due) }
                }
            }
            context.logger.notice(
                "Ethical code version \(code.version) published by \(request.caller.user) (sha256 \(code.sha256))"
            )
            return .init(code: .init(code))
        }
        table.on(EthicsInterface.Current.self) { _, _ in
            .init(code: try await context.database.currentCode().map(EthicsInterface.Code.init))
        }
        table.on(EthicsInterface.Get.self) { parameters, _ in
            guard let code = try await context.database.code(version: parameters.version) else {
                throw DomainError.notFound(.codeVersion, id: parameters.version)
            }
            return .init(code: .init(code))
        }
        table.on(EthicsInterface.Versions.self) { _, _ in
            .init(codes: try await context.database.codeVersions().map(EthicsInterface.CodeSummary.init))
        }
        table.on(EthicsInterface.Acknowledge.self) { parameters, request in
            let signing = AttestationSigning(
                .codeAcknowledgement,
                signature: parameters.signature,
                request: request,
                context: context
            )
            let today = request.today
            let attest = signing.check { facts, name throws in
                // Acknowledge refused any version but the current one before it asks for the statement.
                guard let code = facts.currentCode else { throw DomainError.notFound(.codeVersion, id: 1) }
                return AttestationStatement.codeAcknowledgement(
                    user: facts.user,
                    name: name,
                    code: code,
                    day: today
                )
            }
            let acknowledged = try await context.database.write(request.actor) { tx in
                try Self.acknowledge(tx, version: parameters.version, sha256: parameters.sha256, attest: attest)
            }
            return .init(
                acknowledgement: .init(acknowledged.acknowledgement),
                fingerprint: acknowledged.attestation?.fingerprint
            )
        }
        table.on(EthicsInterface.Statement.self) { parameters, request in
            let facts = try await context.database.attestationFacts(user: request.caller.user, today: request.today)
            guard let current = facts.currentCode else {
                throw DomainError.notFound(.codeVersion, id: parameters.version ?? 1)
            }
            let version = parameters.version ?? current.version
            guard (1...current.version).contains(version) else { throw DomainError.notFound(.codeVersion, id: version) }
            guard version == current.version else {
                throw DomainError.notCurrent(version: version, current: current.version)
            }
            let name = PeopleNames.name(of: facts.user, set: facts.setName)
            return .init(
                text: AttestationStatement.codeAcknowledgement(
                    user: facts.user,
                    name: name,
                    code: current,
                    day: request.today
                )
            )
        }
        table.on(EthicsInterface.Status.self) { _, _ in
            let board = boardMembers(context.configuration.access.board)
            let status = try await Self.status(context.database, board: board)
            return .init(
                version: status.version,
                acknowledged: status.acknowledged.map(EthicsInterface.Acknowledgement.init),
                pending: status.pending
            )
        }
        return table
    }

    /// Where the current version stands: its number, its acknowledgements (oldest first), and who of `board` (the
    /// holders of the board role now, as `member.List` shows them and the review reminds them; not every user the
    /// `member` table recorded) must acknowledge it and has not. Before anything was published: nobody.
    static func status(
        _ database: RiskDatabase,
        board: some Sequence<String>
    ) async throws -> (version: Int?, acknowledged: [CodeAcknowledgement], pending: [String]) {
        let (version, acknowledged) = try await database.ethicsStatus()
        let pending = version == nil ? [] : EthicsRules.pending(members: board, acknowledged: acknowledged)
        return (version, acknowledged, pending)
    }

    /// Publishes a new version of the code, numbered the current one plus 1 (`EthicsRules.publish`), with its audit
    /// entry (the title and the body's SHA-256, the version's own hash, never the body) and `notices` of it (the
    /// board, asked to acknowledge it).
    static func publish(
        _ tx: StoreTransaction,
        title: String,
        body: String,
        notices: (EthicsCode) -> [Notice]
    ) throws -> EthicsCode {
        let code = try EthicsRules.publish(
            title: title,
            body: body,
            sha256: RiskDatabase.sha256Hex(body),
            previous: try tx.currentCode()?.version,
            by: tx.actor.user,
            now: tx.actor.now
        )
        try tx.insert(code)
        try tx.audit(EthicsAudit.subject(code.version), EthicsAudit.published(code))
        try tx.outbox(notices(code))
        return code
    }

    /// Records that the actor read version `version`, whose text hashes to `sha256` (`EthicsRules.acknowledge` says
    /// what is refused). Acknowledging the same version again returns the first acknowledgement and writes nothing,
    /// unless it is now signed: `attest` checks the signature over the statement of the version (read in this
    /// transaction), and a signed acknowledgement of a version the member had acknowledged unsigned is recorded as
    /// an attestation of its own. Signing the same statement again (the same version, the same day) stores nothing
    /// more: without a budget on Acknowledge, that keeps the attestations a member can make bounded by the days.
    static func acknowledge(
        _ tx: StoreTransaction,
        version: Int,
        sha256: String,
        attest: RiskDatabase.AttestationCheck?
    ) throws -> (acknowledgement: CodeAcknowledgement, attestation: Attestation?) {
        let user = tx.actor.user
        let outcome = try EthicsRules.acknowledge(
            version: version,
            sha256: sha256,
            user: user,
            current: try tx.currentCode(),
            existing: try tx.acknowledgement(user: user, version: version),
            now: tx.actor.now
        )
        let attestation = try attest?(tx.attestationFacts(user: user, today: tx.actor.today))
        switch outcome {
        case .new(let acknowledgement):
            try tx.insert(acknowledgement)
        case .existing:
            guard let attestation, try !tx.isAttested(attestation) else {
                return (outcome.acknowledgement, attestation)
            }
        }
        if let attestation { try tx.insert(attestation) }
        try tx.audit(
            EthicsAudit.subject(version),
            EthicsAudit.acknowledged(outcome.acknowledgement, attestation: attestation)
        )
        return (outcome.acknowledgement, attestation)
    }
}
