import ArgumentParser
import RiskProtocol

/// The values shell completion offers for options that take one of a fixed set, from the protocol's own lists.
///
/// Risk categories are not here: riskd's configuration names them, and completion runs without asking riskd.
enum ValueCompletions {
    /// `--kind` of `interest declare`.
    static var interestKind: CompletionKind { CompletionKind.list(InterestInterface.Kind.allCases.map(\.rawValue)) }
    /// `--kind` of the `org` commands.
    static var organisationKind: CompletionKind {
        CompletionKind.list(OrganisationInterface.Kind.allCases.map(\.rawValue))
    }
    /// `--interest` and `--power` of the `org` commands.
    static var level: CompletionKind { CompletionKind.list(OrganisationInterface.Level.allCases.map(\.rawValue)) }
    /// `--status` of `risk list`.
    static var riskStatus: CompletionKind { CompletionKind.list(RiskInterface.RiskStatus.allCases.map(\.rawValue)) }
    /// `--reason` of `risk close`.
    static var closeReason: CompletionKind {
        CompletionKind.list(RiskInterface.CloseReason.allCases.map(\.rawValue))
    }
    /// `--action` of `meeting record`, with hyphens as riskctl shows them.
    static var recusalAction: CompletionKind {
        CompletionKind.list(MeetingInterface.Action.allCases.map { MeetingPresenter.shown($0.rawValue) })
    }

    /// `--state` of `mail status`.
    static var mailState: CompletionKind { CompletionKind.list(MailInterface.State.allCases.map(\.rawValue)) }
}
