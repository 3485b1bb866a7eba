import RiskCore
import RiskProtocol
import RiskStore

/// `org.riskd.daemon`: who am I, how is the daemon, and backups.
struct DaemonService {
    let context: DaemonContext

    var methods: MethodTable {
        var table = MethodTable()
        table.on(DaemonInterface.Whoami.self) { _, request in
            .init(
                user: request.caller.user,
                uid: Int(request.caller.uid),
                roles: request.caller.roles.sorted().map(\.rawValue)
            )
        }
        table.on(DaemonInterface.Status.self) { _, request in
            // A board member counts their own interests: a count of everyone's would tell them how many sensitive
            // interests the others hold.
            let viewer = InterestViewer(
                user: request.caller.user,
                roles: request.caller.roles,
                seesRegister: context.configuration.interests.boardSeesRegister
            )
            let counts = try await context.database.statusCounts(
                interestsOf: viewer.countedDeclarant,
                reader: context.subjectReader(of: request)
            )
            return .init(
                version: RiskdProtocol.version,
                startedAt: context.startedAt.description,
                schemaVersion: counts.schemaVersion,
                risks: counts.risks,
                interests: counts.interests,
                openFindings: counts.openFindings,
                lastReviewRun: counts.lastRunFinishedAt
            )
        }
        table.on(DaemonInterface.Backup.self) { _, request in
            let configuration = context.configuration
            let copy = try await context.database.backup(
                into: configuration.backupDirectory,
                now: request.now,
                keep: configuration.backup.keep
            )
            context.logger.notice("Backup written to \(copy.path) (\(copy.bytes) bytes) for \(request.caller.user)")
            return .init(path: copy.path, bytes: copy.bytes, sha256: copy.sha256)
        }
        return table
    }
}
