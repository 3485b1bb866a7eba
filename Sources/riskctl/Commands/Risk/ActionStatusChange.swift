import RiskProtocol

/// Setting the status of an action, as `risk action done` and `risk action cancel` do.
struct ActionStatusChange {
    /// The action's id.
    var action: Int
    /// The status it gets.
    var status: RiskInterface.ActionStatus
    /// A note for the record.
    var note: String?
    /// The options of the command.
    var options: GlobalOptions

    /// Sends `UpdateAction` and prints the result: `A-3 done.`
    func send() throws {
        let parameters = RiskInterface.UpdateAction.Parameters(id: action, status: status, note: note)
        try options.show(options.connect().call(RiskInterface.UpdateAction.self, parameters)) { reply in
            Output.line("\(RecordKind.action.format(reply.action.id)) \(reply.action.status.rawValue).")
        }
    }
}
