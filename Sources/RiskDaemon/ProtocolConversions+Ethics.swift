import RiskCore
import RiskProtocol

/// The ethical code's domain values as the wire types of `org.riskd.ethics`.
extension EthicsInterface.Code {
    init(_ code: EthicsCode) {
        self.init(
            version: code.version,
            title: code.title,
            body: code.body,
            sha256: code.sha256,
            publishedAt: code.publishedAt.description,
            publishedBy: code.publishedBy
        )
    }
}

extension EthicsInterface.CodeSummary {
    init(_ summary: EthicsCodeSummary) {
        self.init(
            version: summary.version,
            title: summary.title,
            sha256: summary.sha256,
            publishedAt: summary.publishedAt.description
        )
    }
}

extension EthicsInterface.Acknowledgement {
    init(_ acknowledgement: CodeAcknowledgement) {
        self.init(
            user: acknowledgement.user,
            version: acknowledgement.version,
            sha256: acknowledgement.sha256,
            acknowledgedAt: acknowledgement.acknowledgedAt.description
        )
    }
}
