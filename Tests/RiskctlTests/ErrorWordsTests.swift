import RiskProtocol
import Testing
import Varlink

@testable import riskctl

/// riskctl reads every error reply into the generated `ProtocolError`: the line it prints and its exit status follow
/// from the error's case and its `Category:` line, with no error name written in riskctl.
@Suite("Errors and roles as riskctl words them")
struct ErrorWordsTests {
    @Test(
        "Each error reply is one line and an exit status",
        arguments: [
            (
                VarlinkError(RiskInterface.NoSuchRisk(id: 12)), "org.riskd.risk.Get", "no risk R-12",
                riskctl.ExitStatus.noSuchRecord
            ),
            (
                VarlinkError(MemberInterface.NoSuchMember(user: "ana")), "org.riskd.member.Get", "no member ana",
                .noSuchRecord
            ),
            (
                VarlinkError(EthicsInterface.NoSuchVersion(version: 3)), nil, "no version 3 of the ethical code",
                .noSuchRecord
            ),
            (VarlinkError(MailInterface.NoSuchMail(id: 5)), nil, "no mail 5", .noSuchRecord),
            (
                VarlinkError(RiskInterface.InvalidValue(field: "title", reason: "must not\nbe empty")), nil,
                "invalid value for title: must not be empty", .invalidInput
            ),
            (
                .invalidParameter("risks[1].impact"), "org.riskd.risk.Import",
                "invalid parameter risks[1].impact in org.riskd.risk.Import", .invalidInput
            ),
            (
                VarlinkError(OrganisationInterface.RevisionMismatch(id: 3, revision: 4)),
                "org.riskd.organisation.Update",
                "O-3 was changed meanwhile and is now at revision 4; read it again and retry", .conflict
            ),
            (
                VarlinkError(OrganisationInterface.DuplicateName(name: "OSF", id: 2)), "org.riskd.organisation.Add",
                "the name \"OSF\" is already taken by O-2", .conflict
            ),
            (
                VarlinkError(EthicsInterface.NotCurrent(version: 1, current: 2)), nil,
                "version 1 of the ethical code is not the current one (2); read the current one and acknowledge that",
                .conflict
            ),
            (
                VarlinkError(name: "org.varlink.service.PermissionDenied", parameters: ["message": .string("no")]), nil,
                "permission denied: no", .permissionDenied
            ),
            (
                VarlinkError(name: "org.varlink.service.MethodNotImplemented"), "org.riskd.review.Watch",
                "this riskd does not implement org.riskd.review.Watch yet", .failure
            ),
            (
                VarlinkError(AuditInterface.InternalError(reason: "disk full")), "org.riskd.audit.Verify",
                "riskd failed on org.riskd.audit.Verify: disk full (its log has the details)", .failure
            ),
            (
                VarlinkError(name: "org.example.Nope"), "org.riskd.risk.Add",
                "riskd refused org.riskd.risk.Add: org.example.Nope", .failure
            ),
            // A declared error without the parameters it declares is not that error.
            (
                VarlinkError(name: "org.riskd.risk.NoSuchRisk"), "org.riskd.risk.Get",
                "riskd refused org.riskd.risk.Get: org.riskd.risk.NoSuchRisk", .failure
            ),
        ] as [(VarlinkError, String?, String, riskctl.ExitStatus)]
    )
    func errorReply(reply: VarlinkError, method: String?, line: String, status: riskctl.ExitStatus) {
        let error = RiskctlError(.remote(reply), method: method)
        #expect(error.description == line)
        #expect(riskctl.ExitStatus(for: error) == status)
    }

    @Test(
        "A command's help words its method's Roles: line",
        arguments: [
            ([MethodRole.admin: RoleScope.every], false, "Needs the admin role."),
            ([.admin: .every, .auditor: .every], false, "Needs the admin or auditor role."),
            ([.admin: .every, .board: .visible], false, "Needs the admin or board role."),
            ([.auditor: .every, .board: .caller, .admin: .every], false, "Needs the admin, board or auditor role."),
            ([.admin: .every, .board: .own], false, "Needs the admin role, or the board role for their own records."),
            ([.board: .caller], false, "Needs the board role."),
            ([.mailer: .every], false, "Needs the mailer role."),
            ([:], true, "Needs no role."),
        ] as [([MethodRole: RoleScope], Bool, String)]
    )
    func rolesSentence(grants: [MethodRole: RoleScope], anyone: Bool, sentence: String) {
        let policy = MethodPolicy(method: "org.example.M", anyone: anyone, grants: grants, does: "doing")
        #expect(policy.needsSentence == sentence)
    }

    @Test("The help of a command is its method's roles") func generatedHelp() {
        #expect(RiskInterface.Add.policy.needsSentence == "Needs the admin role.")
        #expect(ReviewInterface.Preview.policy.neededRoles == "the admin or auditor role")
        #expect(AuditInterface.Attestations.policy.neededRoles == "the admin, board or auditor role")
    }
}
