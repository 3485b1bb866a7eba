import Logging
import NIOConcurrencyHelpers
import RiskCore
import RiskStore

/// What the services share: the database, the live configuration (replaced on SIGHUP), the clock and the logger.
final class DaemonContext: Sendable {
    let database: RiskDatabase
    let clock: Clock
    let logger: Logger
    let startedAt: Instant
    /// The day the register opened as recorded in the database (its first start), for
    /// `interests.register_opened_on` when the configuration leaves it out.
    let registerOpenedOn: CalendarDate?
    /// Gives each account its roles now, for what riskd records of the roles of the board's members
    /// (`withRoles`); nil records only the board's.
    let roles: RoleResolver?
    private let live: NIOLockedValueBox<Configuration>

    init(
        database: RiskDatabase,
        configuration: Configuration,
        clock: Clock,
        logger: Logger,
        registerOpenedOn: CalendarDate? = nil,
        roles: RoleResolver? = nil
    ) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.startedAt = clock.now()
        self.registerOpenedOn = registerOpenedOn
        self.roles = roles
        self.live = NIOLockedValueBox(configuration)
        configureMail(configuration)
    }

    /// Tells the store what mails are written with; the store queues them inside its own transactions.
    private func configureMail(_ configuration: Configuration) {
        let clock = self.clock
        database.configureMail(
            MailSettings(policy: configuration.mail, accountName: UserDirectory.fullName(ofUser:)) {
                clock.localDate($0)
            }
        )
    }

    /// The rules of the register of interests in force now: the configuration's, with the recorded opening day
    /// when `interests.register_opened_on` is not set.
    var interestPolicy: InterestPolicy {
        var policy = configuration.interests.policy
        if policy.registerOpenedOn == nil { policy.registerOpenedOn = registerOpenedOn }
        return policy
    }

    /// What a write by the caller of `request` is charged to under the budgets in force (`[concerns]` and the
    /// `max_…_per_member…` keys); `nil` for a caller the budgets do not hold, an administrator.
    func charge(_ request: Request, _ budgets: Budget...) -> BudgetCharge? {
        BudgetCharge(budgets, limits: configuration.budgets, roles: request.caller.roles)
    }

    /// The configuration in force now.
    var configuration: Configuration {
        live.withLockedValue { $0 }
    }

    /// Replaces the configuration (the caller has decided which keys may change without a restart).
    func reload(_ configuration: Configuration) {
        live.withLockedValue { $0 = configuration }
        configureMail(configuration)
    }
}

extension DaemonContext {
    /// The caller of `request` as a reader of audit entries and findings: never one about a concern about them,
    /// nor, unless they keep the register, one about an interest `InterestViewer` hides from them.
    func subjectReader(of request: Request) -> SubjectReader {
        let roles = request.caller.roles
        return SubjectReader(
            user: request.caller.user,
            keepsRegister: roles.contains(.admin) || roles.contains(.auditor),
            interests: InterestViewer(
                user: request.caller.user,
                roles: roles,
                seesRegister: configuration.interests.boardSeesRegister
            )
        )
    }
}
