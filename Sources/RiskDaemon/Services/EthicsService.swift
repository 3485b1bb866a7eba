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
            let code = try await context.database.publishCode(
                title: parameters.title,
                body: parameters.body,
                actor: request.actor
            ) { code in
                board.map { Notice.codePublished(user: $0, version: code.version, title: code.title, due: due) }
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
            let acknowledged = try await context.database.acknowledgeCode(
                version: parameters.version,
                sha256: parameters.sha256,
                actor: request.actor,
                attest: signing.check { facts, name throws in
                    // Acknowledge refused any version but the current one before it asks for the statement.
                    guard let code = facts.currentCode else { throw DomainError.notFound(.codeVersion, id: 1) }
                    return AttestationStatement.codeAcknowledgement(
                        user: facts.user,
                        name: name,
                        code: code,
                        day: today
                    )
                }
            )
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
            let status = try await context.database.ethicsStatus(boardMembers: board.sorted())
            return .init(
                version: status.version,
                acknowledged: status.acknowledged.map(EthicsInterface.Acknowledgement.init),
                pending: status.pending
            )
        }
        return table
    }
}
