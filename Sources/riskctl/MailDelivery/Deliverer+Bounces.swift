import RiskProtocol

#if canImport(Glibc)
import Glibc
#endif

extension Deliverer {
    /// Reports the bounces in the mailbox to riskd (`mail.Bounced`); returns how many it took.
    ///
    /// A bounce leaves the mailbox once riskd took it, or once riskd said no mail has its Message-ID while that
    /// Message-ID is one riskd writes (`riskd.…`, a mail of a database since restored or replaced): told every pass
    /// it would be noise, not news. A bounce of a message riskd never wrote stays for the account's owner. One riskd
    /// refuses is said once on standard error and removed. A mailbox riskctl cannot read is said on standard error
    /// and the pass still succeeds: the mails were delivered, and the bounces wait.
    func reportBounces(on connection: Connection) throws -> Int {
        let mail = getenv("MAIL").map { String(cString: $0) }
        guard let path = mailbox ?? BounceMailbox.defaultPath(mail: mail) else {
            Output.error("cannot tell which mailbox bounces come back to: set $MAIL or --mailbox")
            return 0
        }
        do {
            return try BounceMailbox(path: path).consume { bounce in
                let parameters = MailInterface.Bounced.Parameters(messageId: bounce.messageID, reason: bounce.reason)
                let answer: Answer<MailInterface.Bounced.Reply>
                do throws(RiskctlError) {
                    answer = try connection.call(MailInterface.Bounced.self, parameters)
                } catch {
                    guard !error.isDisconnection else { throw error }
                    Output.error("riskd did not take the bounce of <\(bounce.messageID)>: \(error)")
                    return true
                }
                if printsReplies { try Output.jsonLine(answer.parameters) }
                return try answer.decoded().mail != nil || bounce.messageID.hasPrefix("riskd.")
            }
        } catch let failure as BounceMailbox.Failure {
            Output.error("bounces not read: \(failure)")
            return 0
        }
    }
}
