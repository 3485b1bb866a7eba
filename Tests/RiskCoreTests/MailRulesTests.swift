import RiskCore
import Testing

/// What the outbox's methods may do to a mail in each state (`MailRules`), every state against every method.
@Suite("Mail rules")
struct MailRulesTests {
    @Test(
        "Only a mail being sent, or uncertain, takes a report",
        arguments: [
            (MailState.queued, false), (.sending, true), (.sent, false), (.failed, false), (.uncertain, true),
            (.dropped, false), (.bounced, false),
        ]
    )
    func report(state: MailState, taken: Bool) {
        if taken {
            #expect(throws: Never.self) { try MailRules.report(7, state: state) }
        } else {
            #expect(throws: DomainError.notFound(.mail, id: 7)) { try MailRules.report(7, state: state) }
        }
    }

    @Test(
        "Only a failed or uncertain mail is retried",
        arguments: [
            (MailState.queued, false), (.sending, false), (.sent, false), (.failed, true), (.uncertain, true),
            (.dropped, false), (.bounced, false),
        ]
    )
    func retry(state: MailState, retried: Bool) {
        if retried {
            #expect(throws: Never.self) { try MailRules.retry(7, state: state) }
        } else {
            #expect(
                throws: DomainError.invalidValue(
                    "id",
                    "mail 7 is \(state.rawValue): only a failed or uncertain mail is retried"
                )
            ) { try MailRules.retry(7, state: state) }
        }
    }

    /// `nil`: refused, never handed to the MTA.
    @Test(
        "A mail handed to the MTA may bounce, once; one never handed over cannot",
        arguments: [
            (MailState.queued, 0, nil), (.queued, 1, true), (.sending, 1, true), (.sent, 1, true), (.failed, 2, true),
            (.uncertain, 1, true), (.bounced, 1, false), (.dropped, 0, nil), (.dropped, 1, nil), (.failed, 0, nil),
        ] as [(MailState, Int, Bool?)]
    )
    func bounce(state: MailState, attempts: Int, changes: Bool?) throws {
        guard let changes else {
            #expect(
                throws: DomainError.invalidValue(
                    "messageId",
                    "mail 7 is \(state.rawValue) and was never handed to the MTA: it cannot have bounced"
                )
            ) { _ = try MailRules.bounces(7, state: state, attempts: attempts) }
            return
        }
        #expect(try MailRules.bounces(7, state: state, attempts: attempts) == changes)
    }

    @Test(
        "Notice and recusal mails are checked at the claim; test mails and digests are not",
        arguments: [("notice", true), ("recusal", true), ("digest", false), ("test", false)]
    )
    func checkedAtClaim(kind: String, checked: Bool) {
        #expect(MailRules.checkedAtClaim(kind: kind) == checked)
    }

    @Test("A mail with nothing true left says why each notice went") func droppedReason() {
        #expect(
            MailRules.droppedReason(["the risk was closed", "the action was done"])
                == "no longer true when its turn came: the risk was closed; the action was done"
        )
    }
}
